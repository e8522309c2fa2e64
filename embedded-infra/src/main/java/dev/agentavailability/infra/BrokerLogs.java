package dev.agentavailability.infra;

import java.nio.file.Path;

/** The broker's two logs in its work directory: its Log4j log and the child JVM's console output. */
record BrokerLogs(Path brokerLog, Path consoleLog) {

    static BrokerLogs in(Path workDir) {
        return new BrokerLogs(workDir.resolve("broker.log"), workDir.resolve("console.log"));
    }

    /** The last {@code lines} lines of each, each under its path. */
    String tail(int lines) {
        return "--- " + brokerLog + " ---\n" + InfraSupport.tail(brokerLog, lines)
                + "--- " + consoleLog + " ---\n" + InfraSupport.tail(consoleLog, lines);
    }
}
