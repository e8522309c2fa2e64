package dev.agentavailability.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import dev.agentavailability.infra.EmbeddedKafka;
import dev.agentavailability.infra.EmbeddedPostgresServer;

/**
 * One Kafka broker and one PostgreSQL server for the whole test JVM, started lazily on first use and stopped by a
 * JVM shutdown hook.
 *
 * <p>Which implementation: system property {@value #MODE_PROPERTY} or environment variable {@value #MODE_ENV}:
 * {@code embedded} (a broker in a child JVM and embedded PostgreSQL, see {@code embedded-infra}), {@code containers}
 * (Testcontainers: {@value #DEFAULT_KAFKA_IMAGE} and {@value #DEFAULT_POSTGRES_IMAGE}, images overridable with
 * {@value #KAFKA_IMAGE_PROPERTY} and {@value #POSTGRES_IMAGE_PROPERTY}) or {@code auto} (default: containers when a
 * Docker engine answers, else embedded).
 *
 * <p>"One per JVM" holds across class loaders too (Quarkus loads test code in its own class loaders): the addresses
 * of running servers are published as system properties under {@code dev.agentavailability.testsupport.shared.}
 * and reused by every copy of this class.
 */
public final class TestInfrastructure {

    public static final String MODE_PROPERTY = "availability.test.infra";
    public static final String MODE_ENV = "AVAILABILITY_TEST_INFRA";
    public static final String KAFKA_IMAGE_PROPERTY = "availability.test.kafka.image";
    public static final String POSTGRES_IMAGE_PROPERTY = "availability.test.postgres.image";
    public static final String DEFAULT_KAFKA_IMAGE = "apache/kafka:4.1.2";
    public static final String DEFAULT_POSTGRES_IMAGE = "postgres:16-alpine";

    /** Which implementation runs the servers. */
    public enum Mode {
        EMBEDDED, CONTAINERS
    }

    // java.util.logging: routed by Quarkus' log manager in Quarkus tests, plain JUL elsewhere
    private static final Logger LOG = Logger.getLogger(TestInfrastructure.class.getName());

    // A string literal is interned: the same monitor for every class loader's copy of this class.
    private static final String JVM_WIDE_LOCK = "dev.agentavailability.testsupport.TestInfrastructure.lock";
    private static final String SHARED = "dev.agentavailability.testsupport.shared.";
    private static final String SHARED_MODE = SHARED + "mode";
    private static final String SHARED_KAFKA_BOOTSTRAP = SHARED + "kafka.bootstrap-servers";
    private static final String SHARED_PG_URL_PREFIX = SHARED + "postgres.url-prefix";
    private static final String SHARED_PG_USERNAME = SHARED + "postgres.username";
    private static final String SHARED_PG_PASSWORD = SHARED + "postgres.password";

    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_\\-]{0,62}");
    private static final long DOCKER_CHECK_TIMEOUT_SECONDS = 30;

    private static final TestInfrastructure INSTANCE = new TestInfrastructure();

    private final Set<String> createdDatabases = ConcurrentHashMap.newKeySet();

    private TestInfrastructure() {
    }

    /** The JVM-wide instance. Cheap: starts nothing by itself. */
    public static TestInfrastructure get() {
        return INSTANCE;
    }

    /** The implementation in use, decided once per JVM (in {@code auto} mode this asks for a Docker engine). */
    public Mode mode() {
        synchronized (JVM_WIDE_LOCK) {
            String shared = System.getProperty(SHARED_MODE);
            if (shared != null) {
                return Mode.valueOf(shared);
            }
            Mode mode = resolveMode(configuredMode());
            System.setProperty(SHARED_MODE, mode.name());
            return mode;
        }
    }

    /** Starts Kafka and PostgreSQL (in parallel) unless they run already. */
    public TestInfrastructure start() {
        mode();
        CompletableFuture<String> kafka = CompletableFuture.supplyAsync(this::bootstrapServers);
        CompletableFuture<String> postgres = CompletableFuture.supplyAsync(this::username);
        try {
            CompletableFuture.allOf(kafka, postgres).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw e;
        }
        return this;
    }

    /** Bootstrap servers of the JVM-wide broker; starts it on first use. */
    public String bootstrapServers() {
        String bootstrap = System.getProperty(SHARED_KAFKA_BOOTSTRAP);
        if (bootstrap != null) {
            return bootstrap;
        }
        Mode mode = mode();
        synchronized (SHARED_KAFKA_BOOTSTRAP) {
            bootstrap = System.getProperty(SHARED_KAFKA_BOOTSTRAP);
            if (bootstrap == null) {
                long start = System.nanoTime();
                bootstrap = mode == Mode.CONTAINERS ? Containers.startKafka() : startEmbeddedKafka();
                System.setProperty(SHARED_KAFKA_BOOTSTRAP, bootstrap);
                LOG.info(String.format("Test Kafka (%s) at %s, ready in %d ms", mode.name().toLowerCase(Locale.ROOT),
                        bootstrap, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
            }
            return bootstrap;
        }
    }

    /**
     * JDBC URL of {@code database} on the JVM-wide PostgreSQL server (started on first use); the database is created
     * on first use, so each service can have its own.
     */
    public String jdbcUrl(String database) {
        checkDatabaseName(database);
        String url = urlPrefix() + database;
        if (!createdDatabases.contains(database)) {
            createDatabase(database);
            createdDatabases.add(database);
        }
        return url;
    }

    public String username() {
        urlPrefix();
        return System.getProperty(SHARED_PG_USERNAME);
    }

    public String password() {
        urlPrefix();
        return System.getProperty(SHARED_PG_PASSWORD);
    }

    @Override
    public String toString() {
        return "TestInfrastructure[mode=" + System.getProperty(SHARED_MODE, "undecided")
                + ", kafka=" + System.getProperty(SHARED_KAFKA_BOOTSTRAP, "not started")
                + ", postgres=" + System.getProperty(SHARED_PG_URL_PREFIX, "not started") + "]";
    }

    // ------------------------------------------------------------------------------------------------ PostgreSQL

    /** {@code jdbc:postgresql://host:port/}; starts the server on first use. */
    private String urlPrefix() {
        String prefix = System.getProperty(SHARED_PG_URL_PREFIX);
        if (prefix != null) {
            return prefix;
        }
        Mode mode = mode();
        synchronized (SHARED_PG_URL_PREFIX) {
            prefix = System.getProperty(SHARED_PG_URL_PREFIX);
            if (prefix == null) {
                long start = System.nanoTime();
                String[] server = mode == Mode.CONTAINERS ? Containers.startPostgres() : startEmbeddedPostgres();
                System.setProperty(SHARED_PG_USERNAME, server[1]);
                System.setProperty(SHARED_PG_PASSWORD, server[2]);
                System.setProperty(SHARED_PG_URL_PREFIX, server[0]);
                prefix = server[0];
                LOG.info(String.format("Test PostgreSQL (%s) at %s, ready in %d ms",
                        mode.name().toLowerCase(Locale.ROOT), prefix,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
            }
            return prefix;
        }
    }

    private void createDatabase(String database) {
        Properties credentials = new Properties();
        credentials.setProperty("user", username());
        credentials.setProperty("password", password());
        // the driver directly, not DriverManager: works whatever class loader this class comes from
        try (Connection connection = new org.postgresql.Driver().connect(urlPrefix() + "postgres", credentials)) {
            try (PreparedStatement exists = connection.prepareStatement(
                    "SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE \"" + database + "\"");
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) { // duplicate_database: created concurrently
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + database + " at " + urlPrefix(), e);
        }
    }

    private static void checkDatabaseName(String database) {
        if (database == null || !DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Unsupported database name (letters, digits, '_' and '-', at most 63 "
                    + "characters, not starting with a digit or '-'): " + database);
        }
    }

    // ------------------------------------------------------------------------------------------------ embedded

    private static String startEmbeddedKafka() {
        EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafka.Options.defaults().withFastStartup(true));
        // EmbeddedKafka registered its own shutdown hook
        return kafka.bootstrapServers();
    }

    private static String[] startEmbeddedPostgres() {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start();
        // EmbeddedPostgresServer registered its own shutdown hook
        return new String[] {"jdbc:postgresql://localhost:" + postgres.port() + "/", postgres.username(),
            postgres.password()};
    }

    // ------------------------------------------------------------------------------------------------ mode

    static String configuredMode() {
        String value = System.getProperty(MODE_PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv(MODE_ENV);
        }
        return value == null || value.isBlank() ? "auto" : value.trim();
    }

    static Mode resolveMode(String configured) {
        switch (configured.toLowerCase(Locale.ROOT)) {
            case "embedded":
                LOG.info("Test infrastructure: embedded Kafka and PostgreSQL (" + MODE_PROPERTY + "=embedded)");
                return Mode.EMBEDDED;
            case "containers":
                LOG.info("Test infrastructure: Testcontainers (" + MODE_PROPERTY + "=containers)");
                return Mode.CONTAINERS;
            case "auto":
                return dockerAvailable() ? Mode.CONTAINERS : Mode.EMBEDDED;
            default:
                throw new IllegalArgumentException("Unknown " + MODE_PROPERTY + " / " + MODE_ENV + " value '"
                        + configured + "': use embedded, containers or auto");
        }
    }

    /**
     * Whether Testcontainers finds a Docker engine. Asks Testcontainers only if some trace of an engine exists
     * (DOCKER_HOST, a known socket, a Testcontainers config naming a host), so a machine without Docker gets one log
     * line, no stack traces and no wait.
     */
    static boolean dockerAvailable() {
        String hint = dockerHint();
        if (hint == null) {
            LOG.info("Test infrastructure: embedded Kafka and PostgreSQL (no Docker engine found; set "
                    + MODE_PROPERTY + " or " + MODE_ENV + " to containers to force Testcontainers)");
            return false;
        }
        FutureTask<Boolean> check = new FutureTask<>(Containers::dockerAvailable);
        Thread thread = new Thread(check, "testcontainers-docker-check");
        thread.setDaemon(true);
        thread.start();
        boolean available;
        try {
            available = check.get(DOCKER_CHECK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            check.cancel(true);
            available = false;
        } catch (ExecutionException | LinkageError e) {
            available = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            available = false;
        }
        LOG.info(available
                ? "Test infrastructure: Testcontainers (Docker engine found via " + hint + ")"
                : "Test infrastructure: embedded Kafka and PostgreSQL (Docker engine via " + hint + " did not answer)");
        return available;
    }

    /** A reason to believe a Docker engine exists, or null. */
    static String dockerHint() {
        String dockerHost = System.getenv("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            return "DOCKER_HOST";
        }
        if (System.getProperty("docker.host") != null) {
            return "-Ddocker.host";
        }
        String home = System.getProperty("user.home", "");
        Path testcontainersProperties = Paths.get(home, ".testcontainers.properties");
        if (Files.isRegularFile(testcontainersProperties)) {
            try {
                String text = Files.readString(testcontainersProperties);
                if (text.contains("docker.host") || text.contains("docker.client.strategy")) {
                    return testcontainersProperties.toString();
                }
            } catch (java.io.IOException | RuntimeException ignored) {
                // not readable: no hint
            }
        }
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return "Windows (named pipe)";
        }
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        String[] sockets = {
            "/var/run/docker.sock",
            "/run/docker.sock",
            home + "/.docker/run/docker.sock",
            home + "/.docker/desktop/docker.sock",
            home + "/.colima/default/docker.sock",
            home + "/.colima/docker.sock",
            home + "/.rd/docker.sock",
            home + "/.orbstack/run/docker.sock",
            runtimeDir == null ? null : runtimeDir + "/docker.sock",
            runtimeDir == null ? null : runtimeDir + "/podman/podman.sock",
            "/run/podman/podman.sock",
        };
        for (String socket : sockets) {
            if (socket != null && Files.exists(Paths.get(socket))) {
                return socket;
            }
        }
        return null;
    }
}
