package dev.agentavailability.router.config;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which database failures make a config record poison (dead-lettered) and which stop the consumer. */
class DataRefusalTest {

    @Test
    void aDataExceptionOrAConstraintViolationIsTheRecordsFault() {
        assertThat(ConfigListener.dataRefusal(new PersistenceException(
                new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"))))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("22021 invalid byte sequence"));
        assertThat(ConfigListener.dataRefusal(new PersistenceException(
                new SQLException("duplicate key value violates unique constraint", "23505")))).isPresent();
    }

    @Test
    void aLostConnectionOrAnUnknownFailureIsNot() {
        assertThat(ConfigListener.dataRefusal(new PersistenceException(
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isEmpty();
        assertThat(ConfigListener.dataRefusal(new IllegalStateException("no SQL state at all"))).isEmpty();
        assertThat(ConfigListener.dataRefusal(new PersistenceException(new SQLException("no state")))).isEmpty();
    }
}
