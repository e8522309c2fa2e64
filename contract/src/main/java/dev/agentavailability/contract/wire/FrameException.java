package dev.agentavailability.contract.wire;

/**
 * A byte frame that is not a valid CTI message: the only exception {@link CtiCodec#decode} throws for any
 * input. The message names the byte offset (from the start of the frame, header included) and the fault,
 * for example {@code "offset 28: tag 99 is not a floating field of MEDIA_LOGIN_REQ"}.
 */
public final class FrameException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Offset value for a fault of the frame as a whole (its size). */
    public static final int WHOLE_FRAME = -1;

    private final int offset;
    private final String fault;

    public FrameException(int offset, String fault) {
        this(offset, fault, null);
    }

    public FrameException(int offset, String fault, Throwable cause) {
        super(offset == WHOLE_FRAME ? fault : "offset " + offset + ": " + fault, cause);
        this.offset = offset;
        this.fault = fault;
    }

    /** Byte offset of the fault in the frame, or {@link #WHOLE_FRAME}. */
    public int offset() {
        return offset;
    }

    /** The fault without the offset. */
    public String fault() {
        return fault;
    }
}
