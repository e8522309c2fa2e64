package dev.agentavailability.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentavailability.contract.chat.ChatEvent;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChatTaskIdTest {

    @Test
    void theTaskIdOfAChatIsTheOneTheRouterGivesItsOffer() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            UUID chat = new UUID(random.nextLong(), random.nextLong());
            assertThat(WaitingChat.taskIdFor(chat.toString())).isEqualTo(ChatEvent.taskIdFor(chat).toString());
        }
        assertThat(WaitingChat.taskIdFor(UUID.randomUUID().toString())).matches("\\d+-\\d+-1");
    }
}
