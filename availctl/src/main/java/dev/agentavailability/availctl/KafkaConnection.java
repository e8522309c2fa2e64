package dev.agentavailability.availctl;

import dev.agentavailability.kafka.KafkaClients;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine.Option;

/**
 * {@code --bootstrap-servers} and {@code --command-config}: where Kafka is and how to connect to it, for every
 * command that talks to Kafka. Every client availctl makes gets the file's properties, as Kafka's own tools do
 * ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}, {@code client.id} ...).
 */
public final class KafkaConnection {

    /** The environment variable that gives the bootstrap servers when neither option nor file does. */
    public static final String BOOTSTRAP_ENVIRONMENT = "AVAILCTL_KAFKA";
    /** The environment variable naming a Kafka client properties file when --command-config is not given. */
    public static final String CONFIG_ENVIRONMENT = "AVAILCTL_KAFKA_CONFIG";
    public static final String DEFAULT_BOOTSTRAP = "localhost:9092";

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default: the --command-config file's bootstrap.servers, else "
                    + BOOTSTRAP_ENVIRONMENT + ", else " + DEFAULT_BOOTSTRAP + ").")
    String bootstrapServers;

    @Option(names = "--command-config", paramLabel = "FILE", defaultValue = "${env:" + CONFIG_ENVIRONMENT + "}",
            description = "Kafka client properties file (security.protocol, sasl.*, ssl.* ...), as Kafka's own "
                    + "tools take it; every client this command makes gets them (default: " + CONFIG_ENVIRONMENT
                    + ").")
    Path commandConfig;

    /**
     * The clients to make: the file's properties, if any, with the bootstrap servers chosen as the options say.
     *
     * @throws CliFailure bad input naming the file when it cannot be read
     */
    public KafkaClients clients() throws CliFailure {
        Map<String, Object> common = new HashMap<>();
        if (commandConfig != null) {
            try {
                common.putAll(KafkaClients.properties(commandConfig));
            } catch (IllegalArgumentException e) {
                throw CliFailure.badInput("--command-config: " + e.getMessage());
            }
        }
        if (bootstrapServers != null && !bootstrapServers.isBlank()) {
            common.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers.strip());
        } else {
            common.putIfAbsent(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, environmentBootstrap());
        }
        return KafkaClients.of(common);
    }

    private static String environmentBootstrap() {
        String fromEnvironment = System.getenv(BOOTSTRAP_ENVIRONMENT);
        return fromEnvironment == null || fromEnvironment.isBlank() ? DEFAULT_BOOTSTRAP : fromEnvironment.strip();
    }
}
