package dev.agentavailability.listener.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.contract.arm.TaskId;
import dev.agentavailability.rest.ProblemException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArmRequestsTest {

    @Test
    void loginDefaultsToWhatTheEceListenerSends() {
        ArmRequest login = ArmRequests.login(5033, 5000, new Bodies.Login(1L, "1005", null, null));
        assertThat(login.message()).isEqualTo(ArmMessage.MEDIA_LOGIN_REQ);
        assertThat(login.fields().agentMode()).isZero();
        assertThat(login.fields().isAvailable()).isFalse();
        assertThat(login.fields().maxTaskLimit()).isEqualTo(1L);
        assertThat(login.fields().agentInfo()).isEqualTo("1005");
    }

    @Test
    void loginKeepsWhatTheCallerGives() {
        ArmRequest login = ArmRequests.login(6420, 5000, new Bodies.Login(2L, null, 1, true));
        assertThat(login.fields().agentMode()).isEqualTo(1);
        assertThat(login.fields().isAvailable()).isTrue();
        assertThat(login.fields().agentInfo()).isNull();
    }

    @Test
    void readyMakesRoutableUnlessTold() {
        assertThat(ArmRequests.ready(6420, 5000, null).fields().makeRoutable()).isTrue();
        assertThat(ArmRequests.ready(6420, 5000, new Bodies.Ready(null)).fields().makeRoutable()).isTrue();
        assertThat(ArmRequests.ready(6420, 5000, new Bodies.Ready(false)).fields().makeRoutable()).isFalse();
    }

    @Test
    void notReadyWithoutReasonSendsReasonZero() {
        assertThat(ArmRequests.notReady(6420, 5000, null).fields().reasonCode()).isZero();
        assertThat(ArmRequests.notReady(6420, 5000, new Bodies.NotReady(17)).fields().reasonCode()).isEqualTo(17);
    }

    @Test
    void logoutAndEndCarryADispositionOnlyWhenGiven() {
        assertThat(ArmRequests.logout(6420, 5000, null).fields().disposition()).isNull();
        assertThat(ArmRequests.logout(6420, 5000, new Bodies.Logout(40)).fields().disposition()).isEqualTo(40);
        ArmRequest end = ArmRequests.endTask(6420, 5000, "7", new Bodies.EndTask(38));
        assertThat(end.fields().disposition()).isEqualTo(38);
        assertThat(end.fields().taskId()).isEqualTo(new TaskId(0, 7, 0));
        assertThat(ArmRequests.endTask(6420, 5000, "7", null).fields().disposition()).isNull();
    }

    @Test
    void readsBothTaskIdForms() {
        assertThat(ArmRequests.task(ArmMessage.START_TASK_IND, 6420, 5000, "4711").fields().taskId())
                .isEqualTo(new TaskId(0, 4711, 0));
        assertThat(ArmRequests.task(ArmMessage.OFFER_TASK_IND, 6420, 5000, "1-2-3").fields().taskId())
                .isEqualTo(new TaskId(1, 2, 3));
    }

    @Test
    void refusesATaskIdThatIsNoTaskIdAsABadRequest() {
        assertThatThrownBy(() -> ArmRequests.task(ArmMessage.START_TASK_IND, 6420, 5000, "1-2"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().getStatus()).isEqualTo(400);
                    assertThat(e.problem().getDetail()).contains("'1-2'");
                });
    }

    @Test
    void everyRequestBecomesAnEventTheRouterCanRead() {
        ArmRequest[] requests = {
            ArmRequests.login(6420, 5000, new Bodies.Login(2L, "1005", null, null)),
            ArmRequests.logout(6420, 5000, null),
            ArmRequests.routable(6420, 5000, new Bodies.Routable(2L)),
            ArmRequests.notRoutable(6420, 5000),
            ArmRequests.ready(6420, 5000, null),
            ArmRequests.notReady(6420, 5000, null),
            ArmRequests.taskLimit(6420, 5000, new Bodies.TaskLimit(3L)),
            ArmRequests.task(ArmMessage.PAUSE_TASK_IND, 6420, 5000, "9"),
            ArmRequests.endTask(6420, 5000, "9", null),
        };
        for (ArmRequest request : requests) {
            ArmEvent event = request.toEvent(80171, Instant.parse("2019-08-19T13:34:09.773Z"));
            assertThat(event.source()).isEqualTo("listener-service");
            assertThat(event.key()).isEqualTo("6420");
            assertThat(ArmEventJson.read(ArmEventJson.write(event)).value()).as(request.message().name())
                    .isEqualTo(event);
        }
    }

    @Test
    void theTaskAndInterruptActionsNameTheirMessages() {
        assertThat(ArmRequests.taskAction("offer-application")).isEqualTo(ArmMessage.OFFER_APPLICATION_TASK_REQ);
        assertThat(ArmRequests.taskAction("start-application")).isEqualTo(ArmMessage.START_APPLICATION_TASK_REQ);
        assertThat(ArmRequests.taskAction("wrapup")).isEqualTo(ArmMessage.WRAPUP_TASK_IND);
        assertThat(ArmRequests.interrupt("interrupt-accepted", 6420, 5000).message())
                .isEqualTo(ArmMessage.AGENT_INTERRUPT_ACCEPTED_IND);
        assertThat(ArmRequests.interrupt("interrupt-unaccepted", 6420, 5000).message())
                .isEqualTo(ArmMessage.AGENT_INTERRUPT_UNACCEPTED_IND);
        assertThat(ArmRequests.interrupt("interrupt-done-accepted", 6420, 5000).message())
                .isEqualTo(ArmMessage.AGENT_INTERRUPT_DONE_ACCEPTED_IND);
        assertThat(ArmRequests.TASK_ACTIONS.split("\\|")).hasSize(7);
        assertThat(ArmRequests.INTERRUPT_ACTIONS.split("\\|")).hasSize(3);
        assertThatThrownBy(() -> ArmRequests.taskAction("end")).isInstanceOf(ProblemException.class);
    }
}
