package dev.agentavailability.contract.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteDumpTest {

    private static final byte[] HEADER = {0, 0, 0, 27, 0, 0, 0, -105};

    @Test
    void readsSignedDecimalsAsTheListenerLogsThem() {
        assertThat(ByteDump.parse("0 0 0 27 0 0 0 -105")).isEqualTo(HEADER);
        assertThat(ByteDump.parse("  0  0 0\t27\n0 0 0 -105 ")).isEqualTo(HEADER);
    }

    @Test
    void readsUnsignedDecimals() {
        assertThat(ByteDump.parse("0 0 0 27 0 0 0 151")).isEqualTo(HEADER);
        assertThat(ByteDump.parse("[0, 0, 0, 27, 0, 0, 0, 151]")).isEqualTo(HEADER);
    }

    @Test
    void readsHexSpacedPrefixedOrContiguous() {
        assertThat(ByteDump.parse("00 00 00 1b 00 00 00 97")).isEqualTo(HEADER);
        assertThat(ByteDump.parse("00 00 00 1B 00 00 00 97")).isEqualTo(HEADER);
        assertThat(ByteDump.parse("0x00 0x00 0x00 0x1b 0x00 0x00 0x00 0x97")).isEqualTo(HEADER);
        assertThat(ByteDump.parse("0x00,0x00,0x00,0x1b,0x00,0x00,0x00,0x97")).isEqualTo(HEADER);
        assertThat(ByteDump.parse("0000001b00000097")).isEqualTo(HEADER);
        assertThat(ByteDump.parse("0x0000001b00000097")).isEqualTo(HEADER);
        assertThat(ByteDump.parse("00000010 0000009a")).isEqualTo(new byte[] {0, 0, 0, 16, 0, 0, 0, -102});
        // all digits, but "00" cannot come from a decimal log: hex
        assertThat(ByteDump.parse("00 00 00 10 00 00 00 97")).isEqualTo(new byte[] {0, 0, 0, 16, 0, 0, 0, -105});
    }

    @Test
    void anExplicitFormatSettlesAmbiguousDumps() {
        assertThat(ByteDump.parse("10 20", ByteDump.Format.AUTO)).isEqualTo(new byte[] {10, 20});
        assertThat(ByteDump.parse("10 20", ByteDump.Format.HEX)).isEqualTo(new byte[] {16, 32});
        assertThatThrownBy(() -> ByteDump.parse("1 -2", ByteDump.Format.UNSIGNED_DECIMAL))
                .hasMessage("token 2 '-2': out of range; unsigned decimal bytes run from 0 to 255");
        assertThatThrownBy(() -> ByteDump.parse("1 200", ByteDump.Format.SIGNED_DECIMAL))
                .hasMessage("token 2 '200': out of range; signed decimal bytes run from -128 to 127");
    }

    @Test
    void namesTheBadToken() {
        assertThatThrownBy(() -> ByteDump.parse("0 0 0 27 0 0 0 -105 0 2 8 x1"))
                .isInstanceOf(ByteDumpException.class)
                .hasMessage("token 12 'x1': not a decimal byte")
                .satisfies(e -> {
                    assertThat(((ByteDumpException) e).tokenIndex()).isEqualTo(12);
                    assertThat(((ByteDumpException) e).token()).isEqualTo("x1");
                });
        assertThatThrownBy(() -> ByteDump.parse("0 0 0 27 0 0 0 -300"))
                .hasMessage("token 8 '-300': out of range; a decimal byte lies in -128..255");
        assertThatThrownBy(() -> ByteDump.parse("0 0 256"))
                .hasMessage("token 3 '256': out of range; a decimal byte lies in -128..255");
        assertThatThrownBy(() -> ByteDump.parse("00 1b zz"))
                .hasMessage("token 3 'zz': not hex");
        assertThatThrownBy(() -> ByteDump.parse("0000001b0"))
                .hasMessage("token 1 '0000001b0': a run of 9 hex digits is not a whole number of bytes");
        assertThatThrownBy(() -> ByteDump.parse("0 -105 200"))
                .hasMessage("token 3 '200': mixes signed and unsigned decimals (token 2 is negative, token 3 is "
                        + "above 127)");
    }

    @Test
    void emptyTextIsNoBytes() {
        assertThat(ByteDump.parse("   ")).isEmpty();
        assertThat(ByteDump.parse("[]")).isEmpty();
    }

    @Test
    void formatsBothWaysAndReadsItsOwnOutput() {
        byte[] frame = ByteDump.parse(CtiCodecGoldenTest.MEDIA_LOGIN_REQ_DUMP);
        assertThat(ByteDump.signedDecimal(frame)).isEqualTo(CtiCodecGoldenTest.MEDIA_LOGIN_REQ_DUMP);
        assertThat(ByteDump.hex(frame)).isEqualTo(CtiCodecGoldenTest.MEDIA_LOGIN_REQ_HEX);
        assertThat(ByteDump.parse(ByteDump.hex(frame))).isEqualTo(frame);
        assertThat(ByteDump.signedDecimal(new byte[0])).isEmpty();
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        assertThat(ByteDump.parse(ByteDump.signedDecimal(all))).isEqualTo(all);
        assertThat(ByteDump.parse(ByteDump.hex(all))).isEqualTo(all);
    }
}
