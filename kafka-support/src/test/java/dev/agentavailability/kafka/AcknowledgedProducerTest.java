package dev.agentavailability.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A record that was not acknowledged says whether it may be stored all the same: a caller must not report
 * "failed" for an action that happened, nor "unknown" for one Kafka surely never stored.
 */
class AcknowledgedProducerTest {

    private final MockProducer<String, String> mock = new MockProducer<>(false, null, new StringSerializer(),
            new StringSerializer());
    private final AcknowledgedProducer producer = new AcknowledgedProducer(mock, Duration.ofSeconds(5));

    @Test
    void aDeliveryTimeoutMayHaveStoredTheRecord() {
        assertThat(failure(new TimeoutException("Expiring 1 record(s)")).maybeStored()).isTrue();
    }

    @Test
    void aRecordRefusedForGoodIsNotStored() {
        assertThat(failure(new RecordTooLargeException("too large")).maybeStored()).isFalse();
    }

    @Test
    void aRecordKafkaNeverTookIsNotStored() {
        mock.sendException = new TimeoutException("Topic not present in metadata after 60000 ms");
        AcknowledgedProducer.NotAcknowledged failure = catchThrowableOfType(AcknowledgedProducer.NotAcknowledged.class,
                () -> producer.send(new ProducerRecord<>("t", "k", "v")));
        assertThat(failure.maybeStored()).isFalse();
    }

    @Test
    void noAnswerWithinTheWaitMayHaveStoredTheRecord() {
        AcknowledgedProducer impatient = new AcknowledgedProducer(mock, Duration.ofMillis(50));
        AcknowledgedProducer.NotAcknowledged failure = catchThrowableOfType(AcknowledgedProducer.NotAcknowledged.class,
                () -> impatient.send(new ProducerRecord<>("t", "k", "v")));
        assertThat(failure.maybeStored()).isTrue();
    }

    private AcknowledgedProducer.NotAcknowledged failure(RuntimeException fromKafka) {
        Thread completer = new Thread(() -> {
            while (!mock.errorNext(fromKafka)) {
                Thread.onSpinWait();
            }
        });
        completer.setDaemon(true);
        completer.start();
        return catchThrowableOfType(AcknowledgedProducer.NotAcknowledged.class,
                () -> producer.send(new ProducerRecord<>("t", "k", "v")));
    }
}
