package dev.agentavailability.contract.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every layout, both tag widths: encode then decode gives the same message, and the same bytes again. */
class CtiCodecRoundTripTest {

    private static final int MESSAGES_PER_WIDTH = 2_000;

    private final CtiCodec codec = new CtiCodec();

    @ParameterizedTest
    @EnumSource(TagWidth.class)
    void randomValidMessagesOfEveryLayoutSurviveARoundTrip(TagWidth width) {
        RandomMessages random = new RandomMessages(20_190_720L + width.ordinal());
        List<MessageLayout> layouts = MessageLayouts.standard().all();
        Map<String, Integer> perLayout = new HashMap<>();
        Set<String> floatingSeen = new HashSet<>();

        for (int i = 0; i < MESSAGES_PER_WIDTH; i++) {
            MessageLayout layout = layouts.get(i % layouts.size());
            WireMessage message = random.message(layout, width);

            byte[] frame = codec.encode(message, width);
            WireMessage decoded = codec.decode(frame, width);

            assertThat(decoded).as("message %d", i).isEqualTo(message);
            assertThat(decoded.floating()).as("floating order of message %d", i).isEqualTo(message.floating());
            assertThat(List.copyOf(decoded.fields().keySet())).isEqualTo(List.copyOf(message.fields().keySet()));
            assertThat(codec.encode(decoded, width)).as("bytes of message %d", i).isEqualTo(frame);
            assertThat(ByteBuffer.wrap(frame).getInt()).isEqualTo(frame.length - 8);
            assertThat(ByteBuffer.wrap(frame).getInt(4)).isEqualTo(layout.type());
            perLayout.merge(layout.name(), 1, Integer::sum);
            message.floating().forEach(value -> floatingSeen.add(layout.name() + "/" + value.tag()));
        }

        assertThat(perLayout).hasSize(layouts.size());
        assertThat(perLayout.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(60));
        Set<String> expectedFloating = new HashSet<>();
        for (MessageLayout layout : layouts) {
            layout.floating(width).forEach(field -> expectedFloating.add(layout.name() + "/" + field.tag()));
        }
        assertThat(floatingSeen).isEqualTo(expectedFloating);
    }

    @Test
    void theCatalogueHoldsEveryRequestedLayout() {
        MessageLayouts catalogue = MessageLayouts.standard();
        Set<Integer> types = new HashSet<>();
        catalogue.all().forEach(layout -> types.add(layout.type()));
        Set<Integer> expected = new HashSet<>();
        for (int type = 151; type <= 177; type++) {
            expected.add(type);
        }
        expected.add(207);
        expected.add(10_001);
        assertThat(types).isEqualTo(expected);

        Set<Integer> confirmed = new HashSet<>();
        catalogue.all().stream().filter(layout -> layout.provenance() == MessageLayout.Provenance.CONFIRMED)
                .forEach(layout -> confirmed.add(layout.type()));
        assertThat(confirmed).containsExactlyInAnyOrder(151, 152, 154, 157);

        assertThat(MessageLayouts.MEDIA_LOGIN_REQ.fixedSize()).isEqualTo(20);
        assertThat(MessageLayouts.MEDIA_LOGIN_RESP.fixedSize()).isEqualTo(8);
        assertThat(MessageLayouts.MAKE_AGENT_ROUTABLE_IND.fixedSize()).isEqualTo(16);
        assertThat(MessageLayouts.MAKE_AGENT_READY_IND.fixedSize()).isEqualTo(14);
        assertThat(MessageLayouts.END_TASK_IND.fixedSize()).isEqualTo(4 + 4 + 4 + 12 + 2);
        assertThat(MessageLayouts.APP_PATH_DOMAIN_STATUS_EVENT.fixed()).extracting(WireField::key)
                .containsExactly("applicationPathId", "mrdId", "domainAvailable");
        assertThat(MessageLayouts.MEDIA_LOGIN_REQ.floating(TagWidth.ONE_BYTE)).extracting(FloatingField::tag)
                .containsExactly(107);
        assertThat(MessageLayouts.MEDIA_LOGIN_REQ.floating(TagWidth.TWO_BYTES)).extracting(FloatingField::tag)
                .containsExactly(107, 266, 312, 313);
        assertThat(catalogue.byName("START_APPLICATION_TASK_RESP")).get().extracting(MessageLayout::type)
                .isEqualTo(165);
        assertThat(catalogue.byType(999)).isEmpty();
        assertThat(EnumSet.allOf(FieldType.class)).allSatisfy(type ->
                assertThat(type.size()).isEqualTo(sizeOf(type)));
    }

    private static int sizeOf(FieldType type) {
        switch (type) {
            case UCHAR:
                return 1;
            case USHORT:
            case SHORT:
            case BOOL:
                return 2;
            case UINT:
            case INT:
            case TIME:
                return 4;
            case TASKID:
                return 12;
            default:
                return -1;
        }
    }
}
