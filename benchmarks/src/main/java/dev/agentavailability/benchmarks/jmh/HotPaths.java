package dev.agentavailability.benchmarks.jmh;

import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.projection.PartitionProjection;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code bin/benchmark jmh}: what every agent event costs on its way, in ns per call (and, with {@code -prof gc},
 * bytes allocated per call): the listener writing it, the router and the replay reading it, and the router applying
 * it to a partition of 1,000 logged-in agents.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HotPaths {

    private static final int MRD = 5000;
    private static final int AGENTS = 1_000;
    private static final int TOGGLED = 500;
    private static final Instant AT = Instant.parse("2026-12-08T09:00:00Z");

    private ArmEvent ready;
    private String readyJson;
    private PartitionProjection projection;
    private long offset;
    private long sequence;
    private boolean makeReady;

    @Setup
    public void setUp() {
        projection = new PartitionProjection(0);
        for (int agent = 1; agent <= AGENTS; agent++) {
            apply(agent, ArmMessage.MEDIA_LOGIN_REQ, ArmFields.mediaLogin(0, false, 2, Integer.toString(agent)));
            apply(agent, ArmMessage.MAKE_AGENT_ROUTABLE_IND, ArmFields.maxTasks(2));
        }
        ready = event(TOGGLED, ArmMessage.MAKE_AGENT_READY_IND, ArmFields.makeRoutable(true));
        readyJson = ArmEventJson.write(ready);
    }

    @Benchmark
    public String encodeEvent() {
        return ArmEventJson.write(ready);
    }

    @Benchmark
    public Decoded<ArmEvent> decodeEvent() {
        return ArmEventJson.read(readyJson);
    }

    /** One agent made ready, then not ready, and so on: each call a new event at the partition's next offset. */
    @Benchmark
    public PartitionProjection.Outcome applyEvent() {
        makeReady = !makeReady;
        return apply(TOGGLED, makeReady ? ArmMessage.MAKE_AGENT_READY_IND : ArmMessage.MAKE_AGENT_NOT_READY_REQ,
                makeReady ? ArmFields.makeRoutable(true) : ArmFields.reasonCode(5));
    }

    private PartitionProjection.Outcome apply(int agent, ArmMessage message, ArmFields fields) {
        PartitionProjection.Outcome outcome = projection.apply(event(agent, message, fields), offset++);
        if (!(outcome instanceof PartitionProjection.Applied)) {
            throw new IllegalStateException(message + " of agent " + agent + " was not applied: " + outcome);
        }
        return outcome;
    }

    private ArmEvent event(int agent, ArmMessage message, ArmFields fields) {
        long n = ++sequence;
        return new ArmEvent(ArmEvent.SCHEMA_VERSION, new UUID(n, n), message, message.type(), AT, n, MRD, agent,
                fields, "benchmark");
    }
}
