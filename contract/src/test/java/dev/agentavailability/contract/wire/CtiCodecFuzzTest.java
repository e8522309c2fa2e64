package dev.agentavailability.contract.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutated, truncated and extended frames: decode returns a message or throws FrameException, never anything
 * else. Half of the mutants get their MessageLength repaired so that the fuzzing reaches past the header.
 */
class CtiCodecFuzzTest {

    private static final int ITERATIONS = 100_000;

    private final CtiCodec codec = new CtiCodec();

    @Test
    void decodeNeverThrowsAnythingButFrameException() {
        RandomMessages messages = new RandomMessages(0xEC_E116L);
        Random random = messages.random();
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(ByteDump.parse(CtiCodecGoldenTest.MEDIA_LOGIN_REQ_DUMP));
        seeds.add(ByteDump.parse(CtiCodecGoldenTest.MAKE_AGENT_ROUTABLE_IND_DUMP));
        List<TagWidth> seedWidths = new ArrayList<>(List.of(TagWidth.ONE_BYTE, TagWidth.ONE_BYTE));
        for (TagWidth width : TagWidth.values()) {
            for (MessageLayout layout : MessageLayouts.standard().all()) {
                for (int i = 0; i < 3; i++) {
                    seeds.add(codec.encode(messages.message(layout, width), width));
                    seedWidths.add(width);
                }
            }
        }

        int decoded = 0;
        int pastTheHeader = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            int seed = random.nextInt(seeds.size());
            byte[] frame = mutate(seeds.get(seed), random);
            TagWidth width = random.nextInt(5) == 0 ? TagWidth.values()[random.nextInt(2)] : seedWidths.get(seed);
            try {
                WireMessage message = codec.decode(frame, width);
                decoded++;
                assertThat(codec.encode(message, width)).as("re-encoding mutant %d", i).isEqualTo(frame);
            } catch (FrameException expected) {
                if (expected.offset() > 4) {
                    pastTheHeader++;
                }
                // every fault is found by an explicit length or value check, not by the catch-all
                assertThat(expected.getCause()).as("mutant %d: %s", i, expected.getMessage()).isNull();
            } catch (RuntimeException | Error other) {
                fail("mutant " + i + " (" + ByteDump.hex(frame) + ") threw " + other, other);
            }
        }

        // the mutations reach every stage: some frames still decode, some fail deep inside
        assertThat(decoded).isGreaterThan(ITERATIONS / 20);
        assertThat(pastTheHeader).isGreaterThan(ITERATIONS / 20);
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] frame = original.clone();
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            switch (random.nextInt(7)) {
                case 0: // flip a bit
                    if (frame.length > 0) {
                        frame[random.nextInt(frame.length)] ^= (byte) (1 << random.nextInt(8));
                    }
                    break;
                case 1: // set a byte to anything, or to a boundary value
                    if (frame.length > 0) {
                        byte[] edges = {0, 1, (byte) 0x7F, (byte) 0x80, (byte) 0xFF};
                        frame[random.nextInt(frame.length)] = random.nextBoolean()
                                ? edges[random.nextInt(edges.length)] : (byte) random.nextInt(256);
                    }
                    break;
                case 2: // truncate
                    frame = Arrays.copyOf(frame, random.nextInt(frame.length + 1));
                    break;
                case 3: // extend with random bytes
                    byte[] longer = Arrays.copyOf(frame, frame.length + 1 + random.nextInt(12));
                    for (int i = frame.length; i < longer.length; i++) {
                        longer[i] = (byte) random.nextInt(256);
                    }
                    frame = longer;
                    break;
                case 4: // delete a byte in the middle
                    if (frame.length > 1) {
                        int at = random.nextInt(frame.length);
                        byte[] shorter = new byte[frame.length - 1];
                        System.arraycopy(frame, 0, shorter, 0, at);
                        System.arraycopy(frame, at + 1, shorter, at, frame.length - at - 1);
                        frame = shorter;
                    }
                    break;
                case 5: // a floating-looking header with a random length at the end
                    byte[] tagged = Arrays.copyOf(frame, frame.length + 2 + random.nextInt(6));
                    tagged[frame.length] = (byte) (random.nextBoolean() ? 107 : random.nextInt(256));
                    tagged[frame.length + 1] = (byte) random.nextInt(256);
                    frame = tagged;
                    break;
                default: // leave it, only the length repair below may apply
                    break;
            }
        }
        if (frame.length >= 8 && random.nextBoolean()) {
            ByteBuffer.wrap(frame).putInt(0, frame.length - 8);
        }
        if (random.nextInt(2_000) == 0) {
            frame = Arrays.copyOf(frame, 12_501 + random.nextInt(100));
        }
        return frame;
    }
}
