package dev.agentavailability.contract.wire;

import dev.agentavailability.contract.arm.TaskId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The CTI Server data types an ARM message uses, with their size on the wire and the Java type a decoded
 * value has (CTI Server Message Reference Guide, "Data types"). All numbers are big-endian.
 *
 * <p>Reading and writing of one value lives here; the order of the values lives only in
 * {@link MessageLayout}. A value is checked against its type's range once, by {@link #check}, when a
 * {@link WireMessage} is built; {@link #write} then trusts it.
 */
public enum FieldType {

    /** Unsigned 1-byte integer, read as {@link Integer} 0..255. */
    UCHAR(1, Integer.class) {
        @Override
        Object read(ByteBuffer in) {
            return Byte.toUnsignedInt(in.get());
        }

        @Override
        void write(ByteBuffer out, Object value) {
            out.put((byte) (int) (Integer) value);
        }

        @Override
        String rangeFault(Object value) {
            return outside((Integer) value, 0, 255);
        }
    },

    /** Unsigned 2-byte integer, read as {@link Integer} 0..65,535. */
    USHORT(2, Integer.class) {
        @Override
        Object read(ByteBuffer in) {
            return Short.toUnsignedInt(in.getShort());
        }

        @Override
        void write(ByteBuffer out, Object value) {
            out.putShort((short) (int) (Integer) value);
        }

        @Override
        String rangeFault(Object value) {
            return outside((Integer) value, 0, 65_535);
        }
    },

    /** Signed 2-byte integer, read as {@link Integer} -32,768..32,767. */
    SHORT(2, Integer.class) {
        @Override
        Object read(ByteBuffer in) {
            return (int) in.getShort();
        }

        @Override
        void write(ByteBuffer out, Object value) {
            out.putShort((short) (int) (Integer) value);
        }

        @Override
        String rangeFault(Object value) {
            return outside((Integer) value, Short.MIN_VALUE, Short.MAX_VALUE);
        }
    },

    /** Unsigned 4-byte integer, read as {@link Long} 0..4,294,967,295. */
    UINT(4, Long.class) {
        @Override
        Object read(ByteBuffer in) {
            return Integer.toUnsignedLong(in.getInt());
        }

        @Override
        void write(ByteBuffer out, Object value) {
            out.putInt((int) (long) (Long) value);
        }

        @Override
        String rangeFault(Object value) {
            return outside((Long) value, 0, MAX_UINT);
        }
    },

    /** Signed 4-byte integer, read as {@link Integer}. Every Integer fits. */
    INT(4, Integer.class) {
        @Override
        Object read(ByteBuffer in) {
            return in.getInt();
        }

        @Override
        void write(ByteBuffer out, Object value) {
            out.putInt((Integer) value);
        }

        @Override
        String rangeFault(Object value) {
            return null;
        }
    },

    /**
     * 2-byte boolean, 0 = false and 1 = true, read as {@link Boolean}. Any other value is refused by the
     * decoder, so that re-encoding a decoded frame gives the same bytes.
     */
    BOOL(2, Boolean.class) {
        @Override
        Object read(ByteBuffer in) {
            int raw = Short.toUnsignedInt(in.getShort());
            if (raw > 1) {
                throw new IllegalStateException("BOOL holds " + raw + "; only 0 and 1 are allowed");
            }
            return raw == 1;
        }

        @Override
        void write(ByteBuffer out, Object value) {
            out.putShort((short) (((Boolean) value) ? 1 : 0));
        }

        @Override
        String rangeFault(Object value) {
            return null;
        }
    },

    /**
     * Seconds since 1970-01-01 00:00 UTC as an unsigned 4-byte integer, read as {@link Instant}. Only whole
     * seconds from the epoch up to 2106-02-07T06:28:15Z can be written.
     */
    TIME(4, Instant.class) {
        @Override
        Object read(ByteBuffer in) {
            return Instant.ofEpochSecond(Integer.toUnsignedLong(in.getInt()));
        }

        @Override
        void write(ByteBuffer out, Object value) {
            out.putInt((int) ((Instant) value).getEpochSecond());
        }

        @Override
        String rangeFault(Object value) {
            Instant at = (Instant) value;
            if (at.getNano() != 0) {
                return at + " has a fraction of a second; TIME carries whole seconds";
            }
            return outside(at.getEpochSecond(), 0, MAX_UINT);
        }
    },

    /**
     * Three signed 4-byte integers, TaskGroupHigh, TaskGroupLow and SequenceNumber, read as {@link TaskId}.
     */
    TASKID(12, TaskId.class) {
        @Override
        Object read(ByteBuffer in) {
            long high = in.getInt();
            long low = in.getInt();
            long sequence = in.getInt();
            return new TaskId(high, low, sequence);
        }

        @Override
        void write(ByteBuffer out, Object value) {
            TaskId id = (TaskId) value;
            out.putInt((int) id.groupHigh());
            out.putInt((int) id.groupLow());
            out.putInt((int) id.sequence());
        }

        @Override
        String rangeFault(Object value) {
            TaskId id = (TaskId) value;
            String fault = outside(id.groupHigh(), Integer.MIN_VALUE, Integer.MAX_VALUE);
            if (fault != null) {
                return "groupHigh " + fault;
            }
            fault = outside(id.groupLow(), Integer.MIN_VALUE, Integer.MAX_VALUE);
            if (fault != null) {
                return "groupLow " + fault;
            }
            fault = outside(id.sequence(), Integer.MIN_VALUE, Integer.MAX_VALUE);
            return fault == null ? null : "sequence " + fault;
        }
    },

    /**
     * A floating string: the bytes followed by one NUL, the field length counting the NUL. The guide calls
     * the text ASCII; bytes above 0x7F are read as ISO-8859-1 so that every decoded frame re-encodes to the
     * same bytes. Only valid in the floating part, its size comes from the field length.
     */
    STRING(-1, String.class) {
        @Override
        Object read(ByteBuffer in) {
            throw new UnsupportedOperationException("STRING has no fixed size; the codec reads it");
        }

        @Override
        void write(ByteBuffer out, Object value) {
            out.put(((String) value).getBytes(StandardCharsets.ISO_8859_1));
            out.put((byte) 0);
        }

        @Override
        String rangeFault(Object value) {
            String text = (String) value;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == 0) {
                    return "contains a NUL at character " + i + "; the NUL only ends a CTI string";
                }
                if (c > 0xFF) {
                    return "character " + i + " (U+" + String.format("%04X", (int) c)
                            + ") is outside ISO-8859-1; CTI strings are single-byte";
                }
            }
            return null;
        }

        @Override
        int encodedLength(Object value) {
            return ((String) value).length() + 1;
        }
    };

    static final long MAX_UINT = 0xFFFF_FFFFL;

    private final int size;
    private final Class<?> javaType;

    FieldType(int size, Class<?> javaType) {
        this.size = size;
        this.javaType = javaType;
    }

    /** Bytes on the wire, or -1 for {@link #STRING}, whose size the floating field's length gives. */
    public int size() {
        return size;
    }

    public boolean isFixedSize() {
        return size >= 0;
    }

    /** The class a decoded value has and an encoded value must have. */
    public Class<?> javaType() {
        return javaType;
    }

    /**
     * Checks that {@code value} can be written as this type.
     *
     * @throws IllegalArgumentException naming {@code field} when the value is null, of the wrong class or
     *                                  out of range
     */
    public void check(String field, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " (" + this + ") has no value");
        }
        if (!javaType.isInstance(value)) {
            throw new IllegalArgumentException(field + " is a " + this + " and needs a "
                    + javaType.getSimpleName() + ", not a " + value.getClass().getSimpleName() + " (" + value + ")");
        }
        String fault = rangeFault(value);
        if (fault != null) {
            throw new IllegalArgumentException(field + " (" + this + "): " + fault);
        }
    }

    /** Bytes the value takes on the wire (without tag and length). */
    int encodedLength(Object value) {
        return size;
    }

    /** Reads one value of a fixed-size type; the caller has checked that {@link #size()} bytes remain. */
    abstract Object read(ByteBuffer in);

    /** Writes a value that {@link #check} accepted. */
    abstract void write(ByteBuffer out, Object value);

    /** Null when the value fits, else why it does not. */
    abstract String rangeFault(Object value);

    private static String outside(long value, long min, long max) {
        return value < min || value > max ? value + " is outside " + min + ".." + max : null;
    }
}
