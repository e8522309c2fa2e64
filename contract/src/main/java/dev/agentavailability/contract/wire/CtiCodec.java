package dev.agentavailability.contract.wire;

import dev.agentavailability.contract.wire.WireMessage.FloatingValue;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads and writes CTI Server frames: an 8-byte header (MessageLength UINT = body bytes after the header,
 * MessageType UINT), the fixed part, then the floating part (tag, length, data), all big-endian, at most
 * 12,500 bytes. Field order comes only from the {@link MessageLayout}s of the catalogue.
 *
 * <p>Decoding checks every length before it reads or allocates; any fault, including one it did not
 * foresee, leaves {@link #decode} as a {@link FrameException} naming the offset and the field. Encoding
 * refuses what the wire cannot carry with an {@link IllegalArgumentException} naming the field.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CtiCodec {

    /** Bytes of the MHDR header. */
    public static final int HEADER_BYTES = 8;

    /** The largest CTI message, header included. */
    public static final int MAX_FRAME_BYTES = 12_500;

    private final MessageLayouts layouts;

    /** A codec for the standard catalogue. */
    public CtiCodec() {
        this(MessageLayouts.standard());
    }

    public CtiCodec(MessageLayouts layouts) {
        this.layouts = Objects.requireNonNull(layouts, "layouts");
    }

    public MessageLayouts layouts() {
        return layouts;
    }

    /**
     * Decodes one complete frame, header included.
     *
     * @param frame the bytes of exactly one message
     * @param width the floating-field tag width the session uses (not null)
     * @throws FrameException for any fault in the bytes, never another exception
     */
    public WireMessage decode(byte[] frame, TagWidth width) {
        Objects.requireNonNull(width, "width");
        if (frame == null) {
            throw new FrameException(FrameException.WHOLE_FRAME, "no frame (null)");
        }
        Reader reader = new Reader(frame);
        try {
            return reader.message(width);
        } catch (FrameException fault) {
            throw fault;
        } catch (RuntimeException unforeseen) {
            // BufferUnderflowException and the like: a check above is missing. Still one domain exception.
            throw new FrameException(reader.fieldOffset, "error reading " + reader.field + ": " + unforeseen,
                    unforeseen);
        }
    }

    /**
     * Encodes a message as one frame, header included.
     *
     * @throws IllegalArgumentException naming the field when the tag width cannot carry it (a tag above 255
     *                                  or a string longer than 254 characters with {@link TagWidth#ONE_BYTE}),
     *                                  or when the frame would exceed 12,500 bytes
     */
    public byte[] encode(WireMessage message, TagWidth width) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(width, "width");
        MessageLayout layout = message.layout();
        int size = HEADER_BYTES + layout.fixedSize();
        for (FloatingValue value : message.floating()) {
            FloatingField spec = layout.floatingByTag(value.tag()).orElseThrow();
            if (!spec.fits(width)) {
                throw new IllegalArgumentException(layout.name() + ": " + spec.key() + " has tag " + spec.tag()
                        + ", which needs two-byte tags; " + width + " carries tags up to " + width.max());
            }
            int length = spec.type().encodedLength(value.value());
            if (length > width.max()) {
                throw new IllegalArgumentException(layout.name() + ": " + spec.key() + " takes " + length
                        + " bytes" + (spec.type() == FieldType.STRING ? " with its NUL" : "") + "; a " + width
                        + " length field holds at most " + width.max());
            }
            size += width.headerBytes() + length;
        }
        if (size > MAX_FRAME_BYTES) {
            throw new IllegalArgumentException(layout.name() + " would be a frame of " + size
                    + " bytes, over the 12,500-byte CTI maximum");
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.putInt(size - HEADER_BYTES);
        out.putInt(layout.type());
        for (WireField field : layout.fixed()) {
            field.type().write(out, message.fields().get(field.key()));
        }
        for (FloatingValue value : message.floating()) {
            FloatingField spec = layout.floatingByTag(value.tag()).orElseThrow();
            int length = spec.type().encodedLength(value.value());
            putUnsigned(out, width, spec.tag());
            putUnsigned(out, width, length);
            spec.type().write(out, value.value());
        }
        return out.array();
    }

    private static void putUnsigned(ByteBuffer out, TagWidth width, int value) {
        if (width == TagWidth.ONE_BYTE) {
            out.put((byte) value);
        } else {
            out.putShort((short) value);
        }
    }

    /** One decoding pass; remembers which field it is at, for the catch-all at the boundary. */
    private final class Reader {
        private final byte[] frame;
        private final ByteBuffer in;
        private String field = "the header";
        private int fieldOffset = 0;

        Reader(byte[] frame) {
            this.frame = frame;
            this.in = ByteBuffer.wrap(frame);
        }

        WireMessage message(TagWidth width) {
            if (frame.length > MAX_FRAME_BYTES) {
                throw new FrameException(FrameException.WHOLE_FRAME, "frame of " + frame.length
                        + " bytes exceeds the 12,500-byte CTI maximum");
            }
            if (frame.length < HEADER_BYTES) {
                throw new FrameException(0, "frame of " + frame.length + " bytes is shorter than the "
                        + HEADER_BYTES + "-byte header");
            }
            at("MessageLength");
            long declared = Integer.toUnsignedLong(in.getInt());
            int body = frame.length - HEADER_BYTES;
            if (declared != body) {
                throw new FrameException(0, "MessageLength " + declared + " does not match the " + body
                        + " bytes after the header");
            }
            at("MessageType");
            long type = Integer.toUnsignedLong(in.getInt());
            MessageLayout layout = layouts.byType(type)
                    .orElseThrow(() -> new FrameException(4, "unknown message type " + type));

            if (in.remaining() < layout.fixedSize()) {
                throw new FrameException(in.position(), "fixed part of " + layout.name() + " needs "
                        + layout.fixedSize() + " bytes, " + in.remaining() + " remain");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (WireField spec : layout.fixed()) {
                at(spec.wireName());
                values.put(spec.key(), fixedValue(spec));
            }

            List<FloatingValue> floating = new ArrayList<>();
            Set<Integer> seen = new HashSet<>();
            while (in.hasRemaining()) {
                int start = in.position();
                at("floating field header");
                if (in.remaining() < width.headerBytes()) {
                    throw new FrameException(start, "floating field header needs " + width.headerBytes()
                            + " bytes (" + width + "), " + in.remaining() + " remain");
                }
                int tag = unsigned(width);
                int length = unsigned(width);
                FloatingField spec = layout.floatingByTag(tag).orElseThrow(() -> new FrameException(start,
                        "tag " + tag + " is not a floating field of " + layout.name()));
                String named = "floating field tag " + tag + " (" + spec.wireName() + ")";
                if (length > in.remaining()) {
                    throw new FrameException(start, named + " declares " + length + " bytes but only "
                            + in.remaining() + " remain");
                }
                if (!seen.add(tag)) {
                    throw new FrameException(start, named + " appears twice");
                }
                at(spec.wireName());
                Object value;
                if (spec.type() == FieldType.STRING) {
                    value = string(spec, length);
                } else if (length != spec.type().size()) {
                    throw new FrameException(start, named + " declares " + length + " bytes; a " + spec.type()
                            + " takes " + spec.type().size());
                } else {
                    value = fixedValue(spec.field());
                }
                floating.add(new FloatingValue(tag, spec.key(), value));
                values.put(spec.key(), value);
            }
            return new WireMessage(layout, values, floating);
        }

        private void at(String name) {
            field = name;
            fieldOffset = in.position();
        }

        private int unsigned(TagWidth width) {
            return width == TagWidth.ONE_BYTE ? Byte.toUnsignedInt(in.get()) : Short.toUnsignedInt(in.getShort());
        }

        private Object fixedValue(WireField spec) {
            int start = in.position();
            try {
                return spec.type().read(in);
            } catch (IllegalStateException badValue) {
                throw new FrameException(start, spec.wireName() + " " + badValue.getMessage());
            }
        }

        private String string(FloatingField spec, int length) {
            int start = in.position();
            if (length == 0 || frame[start + length - 1] != 0) {
                throw new FrameException(start, spec.wireName() + " is not NUL-terminated");
            }
            for (int i = start; i < start + length - 1; i++) {
                if (frame[i] == 0) {
                    throw new FrameException(i, spec.wireName() + " has a NUL at byte " + (i - start)
                            + " of " + length + "; only the last byte may be NUL");
                }
            }
            String text = new String(frame, start, length - 1, StandardCharsets.ISO_8859_1);
            in.position(start + length);
            return text;
        }
    }
}
