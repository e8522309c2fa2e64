package dev.agentavailability.replay;

import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import java.nio.ByteBuffer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Decodes agent events inside the consumer's poll, straight from its fetch buffer: replay reads millions of records,
 * and copying each value into an array of its own first costs about as much as reading it. Never throws: a record
 * that cannot be read is a malformed {@link Decoded}, as {@link ArmEventJson#read(byte[])} gives it.
 */
final class ArmEventDeserializer implements Deserializer<Decoded<ArmEvent>> {

    @Override
    public Decoded<ArmEvent> deserialize(String topic, byte[] data) {
        return ArmEventJson.read(data);
    }

    @Override
    public Decoded<ArmEvent> deserialize(String topic, Headers headers, ByteBuffer data) {
        return ArmEventJson.read(data);
    }

    /** Replay does not look at keys: the record's partition and value say everything, so keys are not copied. */
    static final class IgnoredKey implements Deserializer<Void> {
        @Override
        public Void deserialize(String topic, byte[] data) {
            return null;
        }

        @Override
        public Void deserialize(String topic, Headers headers, ByteBuffer data) {
            return null;
        }
    }
}
