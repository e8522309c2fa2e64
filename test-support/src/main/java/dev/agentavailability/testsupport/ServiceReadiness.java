package dev.agentavailability.testsupport;

import static io.restassured.RestAssured.given;
import java.time.Duration;
import org.awaitility.Awaitility;

/** Waits until the service under test (RestAssured's default base URI) says it is ready. */
public final class ServiceReadiness {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private ServiceReadiness() {
    }

    /** Awaits {@code /q/health/ready} answering 200, for at most 90 s; {@code service} names it in a failure. */
    public static void await(String service) {
        Awaitility.await(service + " readiness").atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }
}
