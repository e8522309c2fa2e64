package dev.agentavailability.contract.wire;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One ARM frame as the ECE listener logged it: {@code Sending NAME -> bytes} or {@code Received NAME -> bytes}.
 *
 * @param at              the record's timestamp, or null when the text carried none (a pasted fragment)
 * @param direction       whether the listener sent or received the frame
 * @param name            the message name the listener logged
 * @param bytes           the frame, header included
 * @param firstLineNumber the line (from 1) where the record starts
 */
public record ArmFrameLine(Instant at, Direction direction, String name, byte[] bytes, int firstLineNumber) {

    /** Which way the frame went, seen from the ECE listener. */
    public enum Direction {
        SENDING, RECEIVED
    }

    public ArmFrameLine {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(name, "name");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * Decodes the frame and checks that its type is the message the listener named.
     *
     * @throws FrameException when the bytes are not a valid frame, or are another message than logged
     */
    public WireMessage decode(CtiCodec codec, TagWidth width) {
        WireMessage message = codec.decode(bytes, width);
        if (!message.name().equals(name)) {
            throw new FrameException(4, "logged as " + name + " but the frame is type " + message.type() + " ("
                    + message.name() + ")");
        }
        return message;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ArmFrameLine)) {
            return false;
        }
        ArmFrameLine that = (ArmFrameLine) other;
        return Objects.equals(at, that.at) && direction == that.direction && name.equals(that.name)
                && Arrays.equals(bytes, that.bytes) && firstLineNumber == that.firstLineNumber;
    }

    @Override
    public int hashCode() {
        return Objects.hash(at, direction, name, Arrays.hashCode(bytes), firstLineNumber);
    }

    @Override
    public String toString() {
        return "line " + firstLineNumber + " " + (at == null ? "" : at + " ") + direction + " " + name + " -> "
                + ByteDump.signedDecimal(bytes);
    }
}
