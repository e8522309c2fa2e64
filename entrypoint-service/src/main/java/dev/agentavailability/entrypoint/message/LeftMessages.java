package dev.agentavailability.entrypoint.message;

import dev.agentavailability.entrypoint.AppClock;
import dev.agentavailability.entrypoint.board.BoardFeed;
import dev.agentavailability.entrypoint.initialize.EntryPointAnswers;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Stores the messages customers leave and lists them for supervisors. */
@ApplicationScoped
public class LeftMessages {

    private final AppClock clock;
    private final BoardFeed board;

    LeftMessages(AppClock clock, BoardFeed board) {
        this.clock = clock;
        this.board = board;
    }

    /** Stores the message with the answer the customer was given (the reason they left a message). */
    @Transactional
    public MessageView leave(EntryPointAnswers.Evaluation answer, MessageRequest request) {
        LeftMessage message = new LeftMessage();
        message.entryPointId = answer.entryPoint().id();
        message.responseType = answer.responseType().code();
        message.offHours = answer.rule().offHours();
        message.customerName = request.name().strip();
        message.email = request.email().strip();
        message.text = request.text().strip();
        message.receivedAt = clock.now();
        message.persist();
        board.messageLeft();
        return message.view();
    }

    /** The newest first. */
    @Transactional
    public List<MessageView> newest(int limit) {
        return LeftMessage.<LeftMessage>findAll(Sort.descending("receivedAt", "id")).page(0, limit).list().stream()
                .map(LeftMessage::view).toList();
    }
}
