package dev.agentavailability.lab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.infra.EmbeddedKafka;
import dev.agentavailability.infra.EmbeddedPostgresServer;
import dev.agentavailability.kafka.KafkaClients;
import dev.agentavailability.kafka.TopicAdmin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A whole system on this machine: a Kafka broker and a PostgreSQL server with no install, the three
 * services from their packaged builds, and optionally the demo configuration. Closing it stops all.
 */
public final class Lab implements AutoCloseable {

    /**
     * @param repoRoot   the checkout whose services are built (their target/quarkus-app folders)
     * @param workDir    where logs and data go
     * @param ports      listener, router and entry point HTTP ports
     * @param partitions partitions of the agent-event topic
     * @param demo       whether to load the demo configuration and entry point 1001
     * @param kafkaUsers a Strimzi manifest of KafkaUser resources (the production overlay's), or null: with it the
     *                   services reach Kafka as production's do, over SASL_SSL as the user named after the service,
     *                   with that user's ACLs; without it over PLAINTEXT with no ACLs
     * @param environment  more environment variables for every service (settings the lab does not make itself)
     */
    public record Options(Path repoRoot, Path workDir, int[] ports, int partitions, boolean demo, Path kafkaUsers,
            Map<String, String> environment) {

        public Options {
            environment = Map.copyOf(environment);
        }

        public Options(Path repoRoot, Path workDir, int[] ports, int partitions, boolean demo, Path kafkaUsers) {
            this(repoRoot, workDir, ports, partitions, demo, kafkaUsers, Map.of());
        }

        public Options(Path repoRoot, Path workDir, int[] ports, int partitions, boolean demo) {
            this(repoRoot, workDir, ports, partitions, demo, null);
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final List<AutoCloseable> started = new ArrayList<>();
    private LabUsers users;
    private EmbeddedKafka kafka;
    private EmbeddedKafka.Options kafkaOptions;
    private Map<String, StrimziKafkaUsers.Login> kafkaLogins = Map.of();
    private EmbeddedPostgresServer postgres;
    private ServiceProcess listener;
    private ServiceProcess router;
    private ServiceProcess entrypoint;

    public static Lab start(Options options) throws IOException, InterruptedException {
        Lab lab = new Lab();
        try {
            lab.startAll(options);
            return lab;
        } catch (IOException | InterruptedException | RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    private void startAll(Options o) throws IOException, InterruptedException {
        String[] names = {"listener-service", "router-service", "entrypoint-service"};
        for (int i = 0; i < names.length; i++) {
            // before anything starts: a taken port fails the lab at once, with the holder's name
            ServiceProcess.requirePortFree(names[i], o.ports()[i]);
        }
        Files.createDirectories(o.workDir());
        users = LabUsers.create(o.workDir().resolve("security"));
        boolean secureKafka = o.kafkaUsers() != null;
        // Data kept while this lab runs, so that a broker restarted over it finds its topics; a new lab starts empty.
        Path kafkaDir = o.workDir().resolve("kafka");
        deleteTree(kafkaDir.resolve("data"));
        kafkaOptions = EmbeddedKafka.Options.defaults().withWorkDir(kafkaDir).withKeepData(true)
                .withPartitions(o.partitions()).withSecureListener(secureKafka).withAclAuthorizer(secureKafka);
        kafka = EmbeddedKafka.start(kafkaOptions);
        started.add(kafka);
        if (secureKafka) {
            kafkaLogins = StrimziKafkaUsers.apply(o.kafkaUsers(), kafka);
        }
        postgres = EmbeddedPostgresServer.start(EmbeddedPostgresServer.Options.defaults()
                .withDataDir(o.workDir().resolve("postgres")));
        started.add(postgres);
        TopicAdmin.ensure(KafkaClients.bootstrap(kafka.bootstrapServers()), Topics.all(o.partitions()));

        Map<String, String> common = new HashMap<>(users.serviceEnvironment());
        common.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        common.put("AVAILABILITY_AGENT_EVENTS_PARTITIONS", Integer.toString(o.partitions()));
        common.putAll(o.environment());
        listener = service(o, "listener-service", 0, common, null);
        router = service(o, "router-service", 1, common, "router");
        entrypoint = service(o, "entrypoint-service", 2, common, "entrypoint");
        // The router first: it owns the config topic that the others read.
        router.start();
        router.awaitReady(START_TIMEOUT);
        listener.start();
        entrypoint.start();
        listener.awaitReady(START_TIMEOUT);
        entrypoint.awaitReady(START_TIMEOUT);
        if (o.demo()) {
            loadDemo();
        }
    }

    private ServiceProcess service(Options o, String name, int portIndex, Map<String, String> common, String database) {
        Map<String, String> env = new HashMap<>(common);
        env.putAll(kafkaEnvironment(name));
        if (database != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.createDatabase(database));
            env.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
            env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        }
        ServiceProcess service = new ServiceProcess(name,
                o.repoRoot().resolve(name).resolve("target/quarkus-app/quarkus-run.jar"), o.ports()[portIndex], env,
                o.workDir().resolve("logs").resolve(name + ".log"));
        // Closed in reverse order of start: services before Kafka and PostgreSQL.
        started.add(service);
        return service;
    }

    /**
     * The Kafka client settings of a service as environment variables ({@code sasl.jaas.config} as
     * {@code KAFKA_SASL_JAAS_CONFIG}): none with PLAINTEXT Kafka, else its own user's login over SASL_SSL.
     */
    private Map<String, String> kafkaEnvironment(String service) {
        if (kafkaLogins.isEmpty()) {
            return Map.of();
        }
        StrimziKafkaUsers.Login login = kafkaLogins.get(service);
        if (login == null) {
            throw new IllegalArgumentException("the Kafka users' manifest has no KafkaUser " + service);
        }
        Map<String, String> env = new HashMap<>();
        kafka.secureListener().clientProperties(login.user(), login.password()).forEach((key, value) ->
                env.put("KAFKA_" + key.toUpperCase(Locale.ROOT).replace('.', '_'), value));
        return env;
    }

    /** Loads the demo reference data into the router and entry point 1001 into the entry point service. */
    public void loadDemo() throws IOException, InterruptedException {
        send("POST", router.url() + "/config/import", "application/yaml", resource("/demo-lab.yaml"));
        for (JsonNode entryPoint : ContractJson.mapper().readTree(resource("/demo-entry-points.json"))) {
            send("PUT", entrypoint.url() + "/entry-points/" + entryPoint.get("id").asText(), "application/json",
                    entryPoint.toString());
        }
    }

    /** Sends a request as the lab's admin and fails with the service's answer unless it is a 2xx. */
    public String send(String method, String url, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", users.admin().credentials().authorization());
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String resource(String name) {
        try (InputStream in = Lab.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sum of the router's next offsets over the partitions it holds: how far its projection has got. */
    public long appliedOffsets() throws IOException, InterruptedException {
        long sum = 0;
        for (JsonNode partition : ContractJson.mapper().readTree(send("GET", router.url() + "/projection", null,
                null))) {
            sum += partition.get("nextOffset").asLong();
        }
        return sum;
    }

    /** This run's users (one per role), as bin/lab prints them. */
    public LabUsers users() {
        return users;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public ServiceProcess listener() {
        return listener;
    }

    public ServiceProcess router() {
        return router;
    }

    public ServiceProcess entrypoint() {
        return entrypoint;
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    /**
     * Kills the broker (SIGKILL) and starts a new one over its data on the same ports, as after a crash: the
     * services keep running and must ride it out. Not for a lab with the secure listener (its TLS port is new).
     */
    public void killAndRestartKafka() throws InterruptedException {
        if (kafkaOptions.secureListener()) {
            throw new IllegalStateException("a lab with the SASL_SSL listener cannot restart its broker");
        }
        EmbeddedKafka old = kafka;
        old.kill();
        kafka = EmbeddedKafka.start(kafkaOptions.withPort(old.port()).withControllerPort(old.controllerPort()));
        started.set(started.indexOf(old), kafka);
    }

    /** Stops PostgreSQL (fast shutdown, as an operator or a failover does it); the services keep running. */
    public void stopPostgres() {
        postgres.close();
    }

    /** Starts PostgreSQL again after {@link #stopPostgres}, over the same data on the same port. */
    public void startPostgres() {
        EmbeddedPostgresServer old = postgres;
        postgres = EmbeddedPostgresServer.start(EmbeddedPostgresServer.Options.defaults().withDataDir(old.dataDir())
                .withPort(old.port()));
        started.set(started.indexOf(old), postgres);
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("could not stop " + started.get(i) + ": " + e.getMessage());
            }
        }
        started.clear();
    }

    /**
     * A port free now, below Linux's ephemeral range (32768 and up): a port the kernel hands out for {@code new
     * ServerSocket(0)} comes from the same range as the local ports of outgoing connections, so while the broker and
     * the database start, a client connection could take it before the service binds it ("port in use").
     */
    public static int freePort() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20_000 + RANDOM.nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port found between 20000 and 32000");
    }

    private static final java.util.Random RANDOM = new java.util.Random();
}
