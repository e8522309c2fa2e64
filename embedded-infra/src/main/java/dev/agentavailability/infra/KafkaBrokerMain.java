package dev.agentavailability.infra;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Main class of the broker's child JVM started by {@link EmbeddedKafka}. Internal: not an API.
 *
 * <p>{@link EmbeddedKafka} copies this class file into the broker's work directory and puts it on the child's class
 * path next to the Kafka jars, so it must depend on nothing but the JDK (no nested or anonymous classes either).
 *
 * <p>Arguments: {@code <server.properties> [<cluster id to format the log dir with>]}. The child formats the storage
 * (in the same JVM, {@code kafka.tools.StorageTool.execute}) when given a cluster id, then runs
 * {@code kafka.Kafka.main}. It exits as soon as its standard input reaches end of file, which happens when the parent
 * JVM ends for whatever reason (even {@code kill -9}), so a broker never outlives the JVM that started it. If the
 * system property {@value #DELETE_WHEN_ORPHANED} names a directory (a temporary work dir), that directory is deleted
 * and the JVM halted at once instead of a clean shutdown.
 */
public final class KafkaBrokerMain {

    static final String DELETE_WHEN_ORPHANED = "embedded.kafka.delete-when-orphaned";

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: KafkaBrokerMain <server.properties> [<cluster id>]");
            System.exit(2);
        }
        watchParent();
        if (args.length == 2) {
            format(args[0], args[1]);
        }
        Method main = Class.forName("kafka.Kafka").getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) new String[] {args[0]});
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void format(String serverProperties, String clusterId) throws Throwable {
        Method execute = Class.forName("kafka.tools.StorageTool").getMethod("execute", String[].class, PrintStream.class);
        String[] formatArgs = {"format", "-t", clusterId, "-c", serverProperties, "--ignore-formatted"};
        int exitCode;
        try {
            exitCode = (Integer) execute.invoke(null, formatArgs, System.out);
        } catch (InvocationTargetException e) {
            System.err.println("Formatting the Kafka storage failed:");
            e.getCause().printStackTrace();
            exitCode = 1;
        }
        if (exitCode != 0) {
            System.err.println("kafka.tools.StorageTool format exited with " + exitCode);
            System.exit(exitCode);
        }
    }

    /** Ends this JVM when the parent closes our standard input or dies. */
    private static void watchParent() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the parent never writes; we only wait for end of file
                }
            } catch (IOException ignored) {
                // treated like end of file
            }
            System.err.println("Standard input closed (parent JVM gone?): stopping the broker");
            String deleteDir = System.getProperty(DELETE_WHEN_ORPHANED);
            if (deleteDir != null && !deleteDir.isEmpty()) {
                deleteRecursively(Paths.get(deleteDir));
                Runtime.getRuntime().halt(0);
            }
            Thread halter = new Thread(() -> {
                try {
                    Thread.sleep(15_000);
                } catch (InterruptedException ignored) {
                    // halt now
                }
                Runtime.getRuntime().halt(1);
            }, "kafka-broker-halter");
            halter.setDaemon(true);
            halter.start();
            System.exit(0);
        }, "kafka-broker-parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // best effort
        }
    }
}
