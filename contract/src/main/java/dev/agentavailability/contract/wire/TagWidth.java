package dev.agentavailability.contract.wire;

/**
 * How wide the tag and the length of a floating field are. The CTI protocol widened both from one byte
 * to two at protocol version 20, so a decoder must know the version its session negotiated. The ECE
 * listener logs show one-byte tags.
 */
public enum TagWidth {

    /** Protocol versions below 20: UCHAR tag, UCHAR length. Tags and lengths up to 255. */
    ONE_BYTE(1),

    /** Protocol version 20 and later: USHORT tag, USHORT length. Tags and lengths up to 65,535. */
    TWO_BYTES(2);

    /** The protocol version from which floating fields carry two-byte tags. */
    public static final int FIRST_TWO_BYTE_VERSION = 20;

    private final int bytes;

    TagWidth(int bytes) {
        this.bytes = bytes;
    }

    /** The tag width a session of the given CTI protocol version uses. */
    public static TagWidth forProtocolVersion(int version) {
        return version < FIRST_TWO_BYTE_VERSION ? ONE_BYTE : TWO_BYTES;
    }

    /** Bytes of the tag, and bytes of the length. */
    public int bytes() {
        return bytes;
    }

    /** Bytes of tag plus length in front of each floating field's data. */
    public int headerBytes() {
        return 2 * bytes;
    }

    /** The largest tag, and the largest field length, this width can carry. */
    public int max() {
        return bytes == 1 ? 0xFF : 0xFFFF;
    }
}
