package dev.agentavailability.contract.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialsTest {

    @Test
    void aUserAndPasswordBecomeHttpBasic() {
        assertThat(Credentials.fromEnvironment("X", null, Map.of("X_USER", "supervisor", "X_PASSWORD", "s3cret")))
                .get().extracting(Credentials::authorization).isEqualTo("Basic c3VwZXJ2aXNvcjpzM2NyZXQ=");
    }

    @Test
    void theUserOptionWinsOverTheEnvironmentsUserAndToken() {
        Credentials login = Credentials.fromEnvironment("X", "admin",
                Map.of("X_USER", "supervisor", "X_PASSWORD", "pw", "X_TOKEN", "t")).orElseThrow();
        assertThat(login.describe()).isEqualTo("user admin");
    }

    @Test
    void aTokenBecomesABearerHeader() {
        assertThat(Credentials.fromEnvironment("X", null, Map.of("X_TOKEN", " eyJ.a.b \n"))).get()
                .extracting(Credentials::authorization).isEqualTo("Bearer eyJ.a.b");
    }

    @Test
    void nothingGivenIsAnonymousAndAUserWithoutPasswordIsAFault() {
        assertThat(Credentials.fromEnvironment("X", null, Map.of())).isEmpty();
        assertThatThrownBy(() -> Credentials.fromEnvironment("X", "admin", Map.of()))
                .hasMessage("user admin is given but X_PASSWORD is not set");
    }

    @Test
    void theSecretIsNotInTheTextOfCredentials() {
        assertThat(Credentials.basic("admin", "s3cret").toString()).isEqualTo("user admin").doesNotContain("s3cret");
    }
}
