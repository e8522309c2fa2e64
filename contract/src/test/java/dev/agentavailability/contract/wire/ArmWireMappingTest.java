package dev.agentavailability.contract.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmField;
import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.contract.arm.TaskId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ArmWireMappingTest {

    private static final Instant AT = Instant.parse("2019-08-19T13:34:09.773Z");
    private static final Instant LATER = Instant.parse("2024-01-01T00:00:00Z");
    private static final TaskId TASK = new TaskId(7, 4711, 2);

    private final CtiCodec codec = new CtiCodec();

    @Test
    void theMediaLoginReqDumpIsAgent5033SigningIntoTheChatMrd() {
        WireMessage wire = codec.decode(ByteDump.parse(CtiCodecGoldenTest.MEDIA_LOGIN_REQ_DUMP), TagWidth.ONE_BYTE);

        ArmEvent event = ArmWireMapping.toEvent(wire, AT, "import-log");

        assertThat(event.message()).isEqualTo(ArmMessage.MEDIA_LOGIN_REQ);
        assertThat(event.messageType()).isEqualTo(151);
        assertThat(event.invokeId()).isEqualTo(133_121L);
        assertThat(event.mrdId()).isEqualTo(5000);
        assertThat(event.icmAgentId()).isEqualTo(5033);
        assertThat(event.fields()).isEqualTo(ArmFields.mediaLogin(0, false, 1, "1005"));
        assertThat(event.occurredAt()).isEqualTo(AT);
        assertThat(event.source()).isEqualTo("import-log");
        assertThat(event.key()).isEqualTo("5033");
    }

    @Test
    void theMakeAgentRoutableIndDumpIsAgent6420WithTwoTasks() {
        WireMessage wire = codec.decode(ByteDump.parse(CtiCodecGoldenTest.MAKE_AGENT_ROUTABLE_IND_DUMP),
                TagWidth.ONE_BYTE);

        ArmEvent event = ArmWireMapping.toEvent(wire, AT, "listener-service");

        assertThat(event.message()).isEqualTo(ArmMessage.MAKE_AGENT_ROUTABLE_IND);
        assertThat(event.invokeId()).isEqualTo(80_171L);
        assertThat(event.mrdId()).isEqualTo(5000);
        assertThat(event.icmAgentId()).isEqualTo(6420);
        assertThat(event.fields()).isEqualTo(ArmFields.maxTasks(2));
        assertThat(event.key()).isEqualTo("6420");
    }

    @Test
    void theGoldenEventsEncodeToTheDumpsAgain() {
        ArmEvent login = ArmEvent.of(ArmMessage.MEDIA_LOGIN_REQ, AT, 133_121, 5000, 5033,
                ArmFields.mediaLogin(0, false, 1, "1005"), "test");
        ArmEvent routable = ArmEvent.of(ArmMessage.MAKE_AGENT_ROUTABLE_IND, AT, 80_171, 5000, 6420,
                ArmFields.maxTasks(2), "test");

        assertThat(ByteDump.signedDecimal(codec.encode(ArmWireMapping.toWire(login), TagWidth.ONE_BYTE)))
                .isEqualTo(CtiCodecGoldenTest.MEDIA_LOGIN_REQ_DUMP);
        assertThat(ByteDump.signedDecimal(codec.encode(ArmWireMapping.toWire(routable), TagWidth.ONE_BYTE)))
                .isEqualTo(CtiCodecGoldenTest.MAKE_AGENT_ROUTABLE_IND_DUMP);
    }

    @ParameterizedTest
    @EnumSource(ArmMessage.class)
    void everyMessageWithALayoutRoundTripsThroughTheBytes(ArmMessage message) {
        MessageLayout layout = MessageLayouts.standard().byName(message.name()).orElseThrow();
        int roundTrips = 0;
        for (ArmEvent event : samples(message, layout)) {
            for (TagWidth width : TagWidth.values()) {
                WireMessage wire = ArmWireMapping.toWire(event);
                if (!fits(wire, width)) {
                    continue;
                }
                byte[] frame = codec.encode(wire, width);
                WireMessage decoded = codec.decode(frame, width);
                ArmEvent back = ArmWireMapping.toEvent(decoded, LATER, "other");

                assertThat(decoded).as("%s %s", message, width).isEqualTo(wire);
                assertThat(sameApartFromIdTimeAndSource(back, event)).as("%s %s: %s", message, width, back)
                        .isEqualTo(event);
                roundTrips++;
            }
        }
        assertThat(roundTrips).as("round trips of %s", message).isGreaterThanOrEqualTo(2);
    }

    @Test
    void everyArmMessageHasALayoutAndEveryLayoutAnArmMessage() {
        assertThat(MessageLayouts.standard().all()).extracting(ArmWireMapping::armMessage)
                .containsExactlyInAnyOrder(ArmMessage.values());
        for (ArmMessage message : ArmMessage.values()) {
            assertThat(MessageLayouts.standard().byName(message.name())).as(message.name()).get()
                    .extracting(MessageLayout::type).isEqualTo(message.type());
        }
    }

    @Test
    void everyArmFieldHasAWireCounterpartSomewhere() {
        Set<String> wireKeys = new java.util.HashSet<>();
        MessageLayouts.standard().all().forEach(layout -> {
            layout.fixed().forEach(f -> wireKeys.add(f.key()));
            layout.floating().forEach(f -> wireKeys.add(f.key()));
        });
        wireKeys.add("disposition");
        for (ArmField field : EnumSet.allOf(ArmField.class)) {
            assertThat(wireKeys).as(field.name()).contains(field.jsonName());
        }
    }

    @Test
    void serverEventsHaveInvokeIdZeroAndTheDomainStatusNoAgent() {
        WireMessage advisory = WireMessage.builder(MessageLayouts.AGENT_INTERRUPT_ADVISORY_EVENT)
                .set("mrdId", 5000).set("icmAgentId", 6420).set("interruptingMrdId", 1).build();
        ArmEvent event = ArmWireMapping.toEvent(advisory, AT, "test");
        assertThat(event.invokeId()).isZero();
        assertThat(event.fields()).isEqualTo(ArmFields.interrupt(1));

        WireMessage status = WireMessage.builder(MessageLayouts.APP_PATH_DOMAIN_STATUS_EVENT)
                .set("applicationPathId", 5001).set("mrdId", 5000).set("domainAvailable", false).build();
        ArmEvent domain = ArmWireMapping.toEvent(status, AT, "test");
        assertThat(domain.invokeId()).isZero();
        assertThat(domain.icmAgentId()).isZero();
        assertThat(domain.mrdId()).isEqualTo(5000);
        assertThat(domain.fields()).isEqualTo(ArmFields.domainStatus(5001, false));
        assertThat(domain.key()).isEqualTo("APP_PATH:5001/MRD:5000");
    }

    @Test
    void responsesCarryTheirStatusAndNoMrdOrAgent() {
        WireMessage response = WireMessage.builder(MessageLayouts.MEDIA_LOGIN_RESP)
                .set("invokeId", 133_121L).set("status", 27L).build();
        ArmEvent event = ArmWireMapping.toEvent(response, AT, "test");
        assertThat(event.message()).isEqualTo(ArmMessage.MEDIA_LOGIN_RESP);
        assertThat(event.invokeId()).isEqualTo(133_121L);
        assertThat(event.fields().status()).isEqualTo(27L);
        assertThat(event.mrdId()).isZero();
        assertThat(event.icmAgentId()).isZero();

        WireMessage offered = WireMessage.builder(MessageLayouts.OFFER_APPLICATION_TASK_RESP)
                .set("invokeId", 9L).set("status", 0L).set("taskId", TASK).build();
        assertThat(ArmWireMapping.toEvent(offered, AT, "test").fields())
                .isEqualTo(new ArmFields(null, null, null, null, null, null, null, TASK, null, 0L, null, null, null));
    }

    @Test
    void missingFixedFieldsBecomeZeroAndFloatingOnesStayAway() {
        ArmEvent bare = ArmEvent.of(ArmMessage.MEDIA_LOGIN_REQ, AT, 1, 5000, 6420, ArmFields.maxTaskLimit(3), "t");
        WireMessage wire = ArmWireMapping.toWire(bare);
        assertThat(wire.get("agentMode")).isEqualTo(0);
        assertThat(wire.get("isAvailable")).isEqualTo(false);
        assertThat(wire.get("maxTaskLimit")).isEqualTo(3L);
        assertThat(wire.floating()).isEmpty();
        assertThat(codec.encode(wire, TagWidth.ONE_BYTE)).hasSize(28);

        ArmEvent end = ArmEvent.of(ArmMessage.END_TASK_IND, AT, 2, 5000, 6420, ArmFields.task(TASK), "t");
        assertThat(ArmWireMapping.toWire(end).get("disposition")).isEqualTo(0);
    }

    @Test
    void aLogoutDispositionTravelsAsFltIcmDisp() {
        ArmEvent logout = ArmEvent.of(ArmMessage.MEDIA_LOGOUT_IND, AT, 3, 5000, 6420, ArmFields.disposition(40), "t");
        WireMessage wire = ArmWireMapping.toWire(logout);
        assertThat(wire.floating()).containsExactly(new WireMessage.FloatingValue(259, "icmDisposition", 40L));
        assertThatThrownBy(() -> codec.encode(wire, TagWidth.ONE_BYTE))
                .hasMessageContaining("needs two-byte tags");

        WireMessage both = WireMessage.builder(MessageLayouts.MEDIA_LOGOUT_IND).set("invokeId", 3L)
                .set("mrdId", 5000).set("icmAgentId", 6420).set("appDisposition", 7L).set("icmDisposition", 40L)
                .build();
        assertThat(ArmWireMapping.toEvent(both, AT, "t").fields()).isEqualTo(ArmFields.disposition(40));
    }

    @Test
    void wireOnlyFloatingFieldsAreLeftOutOfTheEvent() {
        WireMessage login = WireMessage.builder(MessageLayouts.MEDIA_LOGIN_REQ).set("invokeId", 1L).set("mrdId", 5000)
                .set("icmAgentId", 6420).set("agentMode", 1).set("isAvailable", true).set("maxTaskLimit", 2L)
                .set("maxBeyondTaskLimit", 1L).set("mediaType", 3L).set("mediaProvider", "ECE").build();
        assertThat(ArmWireMapping.toEvent(login, AT, "t").fields()).isEqualTo(ArmFields.mediaLogin(1, true, 2, null));
    }

    @Test
    void aWireMessageWithoutArmCounterpartIsRefusedByName() {
        MessageLayout foreign = new MessageLayout(30, "AGENT_STATE_EVENT", List.of(MessageLayouts.MRD_ID), List.of(),
                MessageLayout.Provenance.OURS, "test");
        WireMessage message = WireMessage.builder(foreign).set("mrdId", 5000).build();

        assertThatThrownBy(() -> ArmWireMapping.toEvent(message, AT, "t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("wire message AGENT_STATE_EVENT (type 30) has no ArmMessage counterpart");

        MessageLayout renumbered = new MessageLayout(999, "MEDIA_LOGIN_RESP",
                MessageLayouts.MEDIA_LOGIN_RESP.fixed(), List.of(), MessageLayout.Provenance.OURS, "test");
        WireMessage wrong = WireMessage.builder(renumbered).set("invokeId", 1L).set("status", 0L).build();
        assertThatThrownBy(() -> ArmWireMapping.toEvent(wrong, AT, "t"))
                .hasMessageContaining("MEDIA_LOGIN_RESP is type 999 but ArmMessage MEDIA_LOGIN_RESP is type 152");
    }

    @Test
    void anEventFieldTheLayoutCannotCarryIsRefusedNotDropped() {
        ArmEvent routable = ArmEvent.of(ArmMessage.MAKE_AGENT_ROUTABLE_IND, AT, 1, 5000, 6420,
                new ArmFields(null, null, null, "1005", 2L, null, null, null, null, null, null, null, null), "t");
        assertThatThrownBy(() -> ArmWireMapping.toWire(routable))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MAKE_AGENT_ROUTABLE_IND has no wire field for fields.agentInfo");
    }

    @Test
    void aValueOutsideItsWireTypeIsRefusedNamingTheField() {
        ArmEvent routable = ArmEvent.of(ArmMessage.MAKE_AGENT_ROUTABLE_IND, AT, 1, 5000, 6420,
                ArmFields.maxTasks(1L << 32), "t");
        assertThatThrownBy(() -> ArmWireMapping.toWire(routable))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxTasks");
        ArmEvent notReady = ArmEvent.of(ArmMessage.MAKE_AGENT_NOT_READY_REQ, AT, 1, 5000, 6420,
                ArmFields.reasonCode(70_000), "t");
        assertThatThrownBy(() -> ArmWireMapping.toWire(notReady)).hasMessageContaining("reasonCode");
        ArmEvent negativeInvoke = ArmEvent.of(ArmMessage.MAKE_AGENT_NOT_ROUTABLE_REQ, AT, -1, 5000, 6420,
                ArmFields.NONE, "t");
        assertThatThrownBy(() -> ArmWireMapping.toWire(negativeInvoke)).hasMessageContaining("invokeId");
    }

    @Test
    void aCatalogueWithoutTheMessageIsRefused() {
        ArmEvent routable = ArmEvent.of(ArmMessage.MAKE_AGENT_ROUTABLE_IND, AT, 1, 5000, 6420,
                ArmFields.maxTasks(2), "t");
        MessageLayouts only = MessageLayouts.of(List.of(MessageLayouts.MEDIA_LOGIN_REQ));
        assertThatThrownBy(() -> ArmWireMapping.toWire(routable, only))
                .hasMessage("MAKE_AGENT_ROUTABLE_IND (154) has no wire layout");
    }

    /** Events of the message carrying what its layout carries: all fixed fields, floating ones with and without. */
    private static List<ArmEvent> samples(ArmMessage message, MessageLayout layout) {
        long invokeId = layout.field("invokeId").isPresent() ? 4_000_000_000L : 0;
        int mrdId = layout.field("mrdId").isPresent() ? 5000 : 0;
        int agent = layout.field("icmAgentId").isPresent() ? 6420 : 0;
        List<ArmFields> variants = new ArrayList<>();
        ArmFields full = fieldsOf(layout, true);
        variants.add(full);
        ArmFields fixedOnly = fieldsOf(layout, false);
        if (!fixedOnly.equals(full)) {
            variants.add(fixedOnly);
        }
        List<ArmEvent> events = new ArrayList<>();
        for (ArmFields fields : variants) {
            events.add(ArmEvent.of(message, AT, invokeId, mrdId, agent, fields, "test"));
        }
        return events;
    }

    private static ArmFields fieldsOf(MessageLayout layout, boolean withFloating) {
        Set<String> keys = new java.util.HashSet<>();
        layout.fixed().forEach(f -> keys.add(f.key()));
        if (withFloating) {
            layout.floating().forEach(f -> keys.add(f.key()));
        }
        return new ArmFields(
                keys.contains("agentMode") ? 1 : null,
                keys.contains("isAvailable") ? true : null,
                keys.contains("maxTaskLimit") ? 4_294_967_295L : null,
                keys.contains("agentInfo") ? "1005" : null,
                keys.contains("maxTasks") ? 2L : null,
                keys.contains("makeRoutable") ? true : null,
                keys.contains("reasonCode") ? 65_535 : null,
                keys.contains("taskId") ? TASK : null,
                keys.contains("disposition") || keys.contains("icmDisposition") ? 38 : null,
                keys.contains("status") ? 27L : null,
                keys.contains("interruptingMrdId") ? -1 : null,
                keys.contains("applicationPathId") ? 5001 : null,
                keys.contains("domainAvailable") ? false : null);
    }

    private static boolean fits(WireMessage wire, TagWidth width) {
        return wire.floating().stream().allMatch(v -> v.tag() <= width.max());
    }

    private static ArmEvent sameApartFromIdTimeAndSource(ArmEvent back, ArmEvent original) {
        return new ArmEvent(back.schemaVersion(), original.eventId(), back.message(), back.messageType(),
                original.occurredAt(), back.invokeId(), back.mrdId(), back.icmAgentId(), back.fields(),
                original.source());
    }
}
