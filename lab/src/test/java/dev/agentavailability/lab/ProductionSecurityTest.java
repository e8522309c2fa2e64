package dev.agentavailability.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged service, started as production starts it (no lab settings): without a token issuer and key it
 * refuses to start, with a message that names them, rather than running with lab users or answering 401 to all.
 */
class ProductionSecurityTest {

    @Test
    void aServiceWithoutTokenSettingsRefusesToStartAndSaysWhichAreMissing() throws Exception {
        Path work = Files.createTempDirectory("availability-prod-");
        Path jar = LabFixture.REPO_ROOT
                .resolve("listener-service/target/quarkus-app/quarkus-run.jar");
        // Nothing listens at this broker: the refusal must come before Kafka is needed.
        try (ServiceProcess listener = new ServiceProcess("listener-service", jar, LabFixture.freePort(),
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + LabFixture.freePort()), work.resolve("listener.log"))) {
            listener.start();

            assertThatThrownBy(() -> listener.awaitReady(Duration.ofMinutes(2)))
                    .hasMessageContaining("exited during start-up")
                    .hasMessageContaining("availability.security.tokens-only is true (production)")
                    .hasMessageContaining("mp.jwt.verify.issuer (MP_JWT_VERIFY_ISSUER) is not set")
                    .hasMessageContaining("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
            assertThat(listener.isAlive()).isFalse();
        }
    }
}
