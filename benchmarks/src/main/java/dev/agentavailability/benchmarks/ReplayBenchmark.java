package dev.agentavailability.benchmarks;

import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.contract.arm.TaskId;
import dev.agentavailability.contract.config.AgentConfig;
import dev.agentavailability.contract.config.ConfigEvent;
import dev.agentavailability.contract.config.ConfigEventJson;
import dev.agentavailability.contract.config.ConfigItem;
import dev.agentavailability.contract.config.MrdConfig;
import dev.agentavailability.kafka.KafkaClients;
import dev.agentavailability.contract.config.SkillGroupConfig;
import dev.agentavailability.contract.topic.TopicSpec;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.infra.EmbeddedKafka;
import dev.agentavailability.projection.PartitionProjection;
import dev.agentavailability.projection.snapshot.PartitionSnapshot;
import dev.agentavailability.replay.ReplayState;
import dev.agentavailability.replay.SnapshotCoverage;
import dev.agentavailability.replay.SnapshotPolicy;
import dev.agentavailability.replay.SnapshotRecords;
import dev.agentavailability.replay.TopicReplay;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Raw Kafka consumer rate versus the replay rate ({@link TopicReplay}) on one agent-event topic, and with
 * {@code --snapshots} the time to rebuild one instant with and without snapshots.
 *
 * <p>Starts an embedded broker, creates the agent-event topic (6 partitions) and the config topic (1 partition),
 * writes a small config and N synthetic ARM events (a seeded random walk of the agents through login, routable,
 * ready, not ready, start task, end task and logout, one every 10 ms of event time), then measures, after one
 * unreported round (JIT and page-cache warm-up), {@code benchmark.rounds} rounds (default 3) of:
 * <ol>
 *   <li>raw: a plain {@link KafkaConsumer} (assign + seekToBeginning, no group) counting every record of the
 *       agent-event topic up to its end offsets, four ways ({@link Raw}): default settings and String
 *       deserializers (what this benchmark measured before), the replay's settings and String deserializers, the
 *       replay's settings and byte-array deserializers, and that last with as many consumers at once as the replay
 *       has readers ({@link TopicReplay#readers});</li>
 *   <li>replay: {@link TopicReplay#toOffsets(TopicReplay.EndOffsets)} to the same end offsets, from the beginning
 *       (decoding every record and applying it to the projections, plus the config topic).</li>
 * </ol>
 * Prints the median events per second of each (with the lowest and highest) and the median of the ratios replay/raw
 * taken within each round.
 *
 * <p>With {@code --snapshots}, the events are written with explicit partitions (the default partitioner's choice
 * for the key) and, while they are written, the same code as router-service's ({@link SnapshotPolicy},
 * {@link PartitionSnapshot#of}, {@link SnapshotCoverage}, {@link SnapshotRecords}) applies them to a projection per
 * partition and writes a snapshot to a snapshot topic each time a partition's offset reaches a multiple of the
 * interval (as if the router stored batches of one record). It then times {@link TopicReplay#toInstant} to an
 * instant in the middle and one near the end, and {@code toOffsets} to the end offsets, each with and without
 * snapshots, and checks that both give the same state.
 *
 * <p>Usage: {@code ReplayBenchmark [N] [--snapshots[=EVERY]]} (N like 200000, 200k or 10m; EVERY default 100000);
 * system properties {@code benchmark.agents} (default 2000), {@code benchmark.seed} (default 42),
 * {@code benchmark.brokerHeap} (default 1g), {@code benchmark.rounds} (default 3).
 */
public final class ReplayBenchmark {

    static final String AGENT_EVENTS = "bench.arm.agent-events";
    static final String CONFIG = "bench.availability.config";
    static final String SNAPSHOTS = "bench.availability.projection-snapshots";
    /** Reads of millions of records on a busy machine: give up only after a long stall. */
    static final Duration READ_TIMEOUT = Duration.ofMinutes(30);
    static final int PARTITIONS = 6;
    static final int MRD = 5000;
    static final int SKILL_GROUP = 6928;
    static final int FIRST_AGENT = 10_000;
    static final int MAX_TASKS = 2;
    static final Instant START = Instant.parse("2026-01-05T07:00:00Z");
    static final long EVENT_SPACING_MILLIS = 10;

    private ReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long n = 1_000_000L;
        long snapshotEvery = 0;
        for (String arg : args) {
            if (arg.equals("--snapshots")) {
                snapshotEvery = 100_000;
            } else if (arg.startsWith("--snapshots=")) {
                snapshotEvery = count(arg.substring("--snapshots=".length()));
            } else {
                n = count(arg);
            }
        }
        int agents = Integer.getInteger("benchmark.agents", 2000);
        long seed = Long.getLong("benchmark.seed", 42L);
        String brokerHeap = System.getProperty("benchmark.brokerHeap", "1g");

        System.out.printf(Locale.ROOT, "replay benchmark: N=%,d events, %d agents, seed %d, %d partitions, %s, "
                + "%d CPUs, client JVM %s, broker heap %s%n", n, agents, seed, PARTITIONS,
                snapshotEvery > 0 ? String.format(Locale.ROOT, "snapshots every %,d records of a partition",
                        snapshotEvery) : "no snapshots",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), brokerHeap);

        long t0 = System.nanoTime();
        EmbeddedKafka.Options options = EmbeddedKafka.Options.defaults()
                .withPartitions(PARTITIONS)
                .withMaxHeap(brokerHeap);
        try (EmbeddedKafka kafka = EmbeddedKafka.start(options)) {
            String bootstrap = kafka.bootstrapServers();
            System.out.printf(Locale.ROOT, "broker up at %s in %.1f s%n", bootstrap, seconds(System.nanoTime() - t0));
            createTopics(bootstrap, snapshotEvery > 0);

            long p0 = System.nanoTime();
            writeConfig(bootstrap, agents);
            Written written = writeEvents(bootstrap, n, agents, seed, snapshotEvery);
            double produceSeconds = seconds(System.nanoTime() - p0);
            System.out.printf(Locale.ROOT, "produced %,d events in %.1f s (%,.0f events/s, %s)%s%n", written.events(),
                    produceSeconds, written.events() / produceSeconds,
                    snapshotEvery > 0 ? "idempotent, acks=all, explicit partitions" : "acks=1",
                    snapshotEvery > 0 ? String.format(Locale.ROOT, "; %,d snapshots (%,d bytes of JSON) computed "
                            + "in-process while producing, with router-service's code, and written to %s",
                            written.snapshots(), written.snapshotBytes(), SNAPSHOTS) : "");

            TopicReplay replay = new TopicReplay(KafkaClients.bootstrap(bootstrap), AGENT_EVENTS, CONFIG, READ_TIMEOUT);
            System.out.printf(Locale.ROOT, "replay reads with %d readers at once (%s)%n",
                    TopicReplay.readers(PARTITIONS), TopicReplay.READERS_PROPERTY);
            TopicReplay.EndOffsets ends = replay.endOffsets();
            long total = ends.agentEvents().values().stream().mapToLong(Long::longValue).sum();
            if (snapshotEvery > 0 && !ends.agentEvents().equals(written.counts())) {
                throw new IllegalStateException("the topic's end offsets " + ends.agentEvents() + " are not the "
                        + "records written per partition " + written.counts() + ": the snapshots' offsets are wrong");
            }

            // warm-up: one unreported run of each
            List<Measurement> warm = new ArrayList<>();
            for (Raw kind : Raw.values()) {
                warm.add(raw(bootstrap, ends.agentEvents(), kind));
            }
            warm.add(replay(replay, ends));
            System.out.println("warm-up (not reported): " + String.join(", ", warm.stream()
                    .map(m -> String.format(Locale.ROOT, "%s %,.0f events/s", m.name(), m.rate())).toList()));

            // rounds: every raw run and the replay, one after the other, so that a slower or faster spell of a
            // shared machine falls on all of them; each ratio is taken within a round, and the median reported
            int rounds = Math.max(1, Integer.getInteger("benchmark.rounds", 3));
            List<List<Measurement>> byRound = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                List<Measurement> runs = new ArrayList<>();
                for (Raw kind : Raw.values()) {
                    runs.add(raw(bootstrap, ends.agentEvents(), kind));
                }
                runs.add(replay(replay, ends));
                for (Measurement m : runs) {
                    if (m.records() != total) {
                        throw new IllegalStateException(m.name() + " read " + m.records()
                                + " records, the topic holds " + total);
                    }
                }
                byRound.add(runs);
                System.out.println("round " + (round + 1) + ": " + String.join(", ", runs.stream()
                        .map(m -> String.format(Locale.ROOT, "%s %,.0f", m.name(), m.rate())).toList()));
            }
            int replayRun = Raw.values().length;
            Measurement replayed = byRound.get(byRound.size() - 1).get(replayRun);
            System.out.println();
            System.out.printf(Locale.ROOT, "%-13s %12s %14s %25s %12s%n", "run", "events", "events/s",
                    "(lowest - highest)", "replay/this");
            for (int run = 0; run <= replayRun; run++) {
                int k = run;
                double[] rates = byRound.stream().mapToDouble(r -> r.get(k).rate()).toArray();
                double[] ratios = byRound.stream().mapToDouble(r -> r.get(replayRun).rate() / r.get(k).rate())
                        .toArray();
                System.out.printf(Locale.ROOT, "%-13s %,12d %,14.0f %25s %12s%n", byRound.get(0).get(k).name(),
                        total, median(rates), String.format(Locale.ROOT, "(%,.0f - %,.0f)",
                                java.util.Arrays.stream(rates).min().orElse(0),
                                java.util.Arrays.stream(rates).max().orElse(0)),
                        run == replayRun ? "" : String.format(Locale.ROOT, "%.2f", median(ratios)));
            }
            for (Raw kind : Raw.values()) {
                double[] ratios = byRound.stream()
                        .mapToDouble(r -> r.get(replayRun).rate() / r.get(kind.ordinal()).rate()).toArray();
                double ratio = median(ratios);
                System.out.printf(Locale.ROOT, "ratio replay/%s = %.2f, median of %d rounds %s (target >= 0.50: %s): "
                        + "%s%n", kind.label, ratio, rounds, java.util.Arrays.toString(java.util.Arrays.stream(ratios)
                                .map(x -> Math.round(x * 100) / 100.0).toArray()),
                        ratio >= 0.5 ? "met" : "NOT met", kind.description);
            }
            System.out.printf(Locale.ROOT, "replayed state: %s%n", replayed.summary());

            if (snapshotEvery > 0) {
                instants(replay, ends, n);
            }
        }
    }

    /** 200000, 200_000, 200k, 10m. */
    static long count(String text) {
        String t = text.replace("_", "").replace(",", "").toLowerCase(Locale.ROOT);
        long factor = t.endsWith("k") ? 1_000 : t.endsWith("m") ? 1_000_000 : 1;
        return Long.parseLong(factor == 1 ? t : t.substring(0, t.length() - 1)) * factor;
    }

    record Measurement(String name, long records, long nanos, String summary) {
        double seconds() {
            return ReplayBenchmark.seconds(nanos);
        }

        double rate() {
            return records / seconds();
        }
    }

    // ------------------------------------------------------------------------------------------------ measurements

    /** The raw consumers the replay is compared with. */
    enum Raw {
        DEFAULT("raw default", "a KafkaConsumer with default settings and String deserializers (as measured before)"),
        TEXT("raw text", "the replay's consumer settings (larger fetches, no fetch wait) and String deserializers"),
        BYTES("raw bytes", "the replay's consumer settings and byte-array deserializers (no decoding at all)"),
        PARALLEL("raw parallel", "as raw bytes, with as many consumers at once as the replay has readers, each on a "
                + "thread of its own, the partitions shared out as the replay shares them");

        final String label;
        final String description;

        Raw(String label, String description) {
            this.label = label;
            this.description = description;
        }
    }

    /** A plain consumer that counts every record of the agent-event topic (assign + seekToBeginning, no group). */
    static Measurement raw(String bootstrap, Map<Integer, Long> endOffsets, Raw kind) throws Exception {
        if (kind == Raw.PARALLEL) {
            return rawParallel(bootstrap, endOffsets);
        }
        long start = System.nanoTime();
        long count = 0;
        Map<String, Object> settings = kind == Raw.DEFAULT ? Map.of() : TopicReplay.READ_SETTINGS;
        KafkaClients kafka = KafkaClients.bootstrap(bootstrap);
        try (KafkaConsumer<?, ?> consumer = kind != Raw.BYTES
                ? kafka.reader("benchmark-raw", READ_TIMEOUT, settings, new StringDeserializer(),
                        new StringDeserializer())
                : kafka.reader("benchmark-raw", READ_TIMEOUT, settings, new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(AGENT_EVENTS)) {
                partitions.add(new TopicPartition(AGENT_EVENTS, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long target = endOffsets.values().stream().mapToLong(Long::longValue).sum();
            while (count < target) {
                ConsumerRecords<?, ?> records = consumer.poll(Duration.ofMillis(200));
                count += records.count();
            }
        }
        return new Measurement(kind.label, count, System.nanoTime() - start, "");
    }

    /** {@link Raw#PARALLEL}: one byte-array consumer per replay reader, all at once. */
    static Measurement rawParallel(String bootstrap, Map<Integer, Long> endOffsets) throws Exception {
        int readers = TopicReplay.readers(endOffsets.size());
        long start = System.nanoTime();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(readers);
        try {
            List<java.util.concurrent.Future<Long>> counts = new ArrayList<>();
            for (int reader = 0; reader < readers; reader++) {
                List<TopicPartition> share = new ArrayList<>();
                long target = 0;
                for (Map.Entry<Integer, Long> end : endOffsets.entrySet()) {
                    if (end.getKey() % readers == reader) {
                        share.add(new TopicPartition(AGENT_EVENTS, end.getKey()));
                        target += end.getValue();
                    }
                }
                long expected = target;
                counts.add(pool.submit(() -> {
                    long count = 0;
                    try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.bootstrap(bootstrap).reader(
                            "benchmark-raw-parallel-" + share.get(0).partition(), READ_TIMEOUT,
                            TopicReplay.READ_SETTINGS, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                        consumer.assign(share);
                        consumer.seekToBeginning(share);
                        while (count < expected) {
                            count += consumer.poll(Duration.ofMillis(200)).count();
                        }
                    }
                    return count;
                }));
            }
            long count = 0;
            for (java.util.concurrent.Future<Long> one : counts) {
                count += one.get();
            }
            return new Measurement(Raw.PARALLEL.label, count, System.nanoTime() - start,
                    readers + " consumers");
        } finally {
            pool.shutdownNow();
        }
    }

    /** The replay core to the same end offsets, from the beginning. */
    static Measurement replay(TopicReplay replay, TopicReplay.EndOffsets ends) {
        long start = System.nanoTime();
        ReplayState state = replay.toOffsets(ends);
        long nanos = System.nanoTime() - start;
        long records = 0;
        for (PartitionProjection projection : state.partitions().values()) {
            records += projection.nextOffset();
        }
        return new Measurement("replay", records, nanos, summary(state));
    }

    static String summary(ReplayState state) {
        long anomalies = 0;
        int agents = 0;
        for (PartitionProjection projection : state.partitions().values()) {
            anomalies += projection.anomalies();
            agents += projection.agents().size();
        }
        long configItems = state.config().asMap().values().stream().mapToLong(Map::size).sum();
        return String.format(Locale.ROOT, "%d agents, %,d anomalies, %d config items, events up to %s", agents,
                anomalies, configItems, state.at());
    }

    /** One instant in the middle, one near the end, and the end offsets: with and without snapshots. */
    static void instants(TopicReplay plain, TopicReplay.EndOffsets ends, long n) {
        TopicReplay fast = plain.withSnapshots(SNAPSHOTS);
        record Case(String name, Instant at) {
        }
        List<Case> cases = List.of(
                new Case("middle", eventTime(n / 2)),
                new Case("near end", eventTime(n - Math.max(1, n / 100))),
                new Case("end offsets", null));
        // warm-up of the snapshot path (unreported): the first snapshot JSON read loads Jackson's deserializers
        fast.toInstant(eventTime(n / 3));

        System.out.println();
        System.out.printf(Locale.ROOT, "%-12s %-26s %12s %12s %9s %s%n", "rebuild", "instant", "without (s)",
                "with (s)", "speed-up", "records read without / with snapshots");
        for (Case c : cases) {
            long s0 = System.nanoTime();
            ReplayState without = c.at() == null ? plain.toOffsets(ends) : plain.toInstant(c.at());
            long s1 = System.nanoTime();
            ReplayState with = c.at() == null ? fast.toOffsets(ends) : fast.toInstant(c.at());
            long s2 = System.nanoTime();
            String difference = difference(without, with);
            if (difference != null) {
                throw new IllegalStateException(c.name() + ": the replay with snapshots differs: " + difference);
            }
            System.out.printf(Locale.ROOT, "%-12s %-26s %12.2f %12.2f %8.0fx %,d / %,d%n", c.name(),
                    c.at() == null ? "(" + with.at() + ")" : c.at().toString(), seconds(s1 - s0), seconds(s2 - s1),
                    (double) (s1 - s0) / (s2 - s1), without.recordsRead(), with.recordsRead());
            if (!with.notes().isEmpty()) {
                System.out.println("  notes: " + with.notes());
            }
        }
        System.out.println("each pair gave the same state (agents, offsets, anomalies, domains, config)");
    }

    /** Null when both states are the same, else what differs. */
    static String difference(ReplayState a, ReplayState b) {
        if (!a.at().equals(b.at()) || !a.partitions().keySet().equals(b.partitions().keySet())) {
            return "at or partitions";
        }
        for (PartitionProjection p : a.partitions().values()) {
            PartitionProjection q = b.partitions().get(p.partition());
            if (p.nextOffset() != q.nextOffset() || p.anomalies() != q.anomalies()
                    || !java.util.Objects.equals(p.lastEventAt(), q.lastEventAt())
                    || !p.unavailableDomains().equals(q.unavailableDomains())
                    || !List.copyOf(p.agents()).equals(List.copyOf(q.agents()))) {
                return "partition " + p.partition();
            }
        }
        return a.config().asMap().equals(b.config().asMap()) ? null : "config";
    }

    static Instant eventTime(long i) {
        return START.plusMillis(i * EVENT_SPACING_MILLIS);
    }

    // ------------------------------------------------------------------------------------------------ data

    static void createTopics(String bootstrap, boolean snapshots) throws InterruptedException, ExecutionException {
        List<NewTopic> topics = new ArrayList<>(List.of(
                new NewTopic(AGENT_EVENTS, PARTITIONS, (short) 1),
                new NewTopic(CONFIG, 1, (short) 1)));
        if (snapshots) {
            TopicSpec spec = Topics.all(PARTITIONS).stream()
                    .filter(t -> t.name().equals(Topics.PROJECTION_SNAPSHOTS)).findFirst().orElseThrow();
            Map<String, String> configs = new HashMap<>(spec.configs());
            // the embedded broker has no compression codecs on its class path (kafka-clients' zstd-jni, lz4 and
            // snappy are runtime dependencies, left out of its class path): no zstd here
            configs.remove("compression.type");
            topics.add(new NewTopic(SNAPSHOTS, 1, (short) 1).configs(configs));
        }
        try (Admin admin = KafkaClients.bootstrap(bootstrap).admin("benchmark-topics", READ_TIMEOUT)) {
            admin.createTopics(topics).all().get();
        }
    }

    static KafkaProducer<String, String> producer(String bootstrap, boolean idempotent) {
        // idempotent: no duplicates, so a partition's offsets are its records in the order sent
        return KafkaClients.bootstrap(bootstrap).producer("benchmark-producer", Map.of(
                ProducerConfig.ACKS_CONFIG, idempotent ? "all" : "1",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, idempotent,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024), new StringSerializer(),
                new StringSerializer());
    }

    /** The MRD, one skill group and every agent in it. */
    static void writeConfig(String bootstrap, int agents) throws InterruptedException, ExecutionException {
        List<ConfigItem> items = new ArrayList<>();
        items.add(new MrdConfig(MRD, "ECE_Chat", false));
        items.add(new SkillGroupConfig(SKILL_GROUP, "BENCH_Chat", MRD, 70518, false));
        for (int i = 0; i < agents; i++) {
            int id = FIRST_AGENT + i;
            items.add(new AgentConfig(id, "CUCM.bench_" + id, 20_000 + i, List.of(SKILL_GROUP)));
        }
        Instant at = START.minusSeconds(3600);
        try (KafkaProducer<String, String> producer = producer(bootstrap, false)) {
            for (ConfigItem item : items) {
                ConfigEvent event = ConfigEvent.upsert(item, at);
                producer.send(new ProducerRecord<>(CONFIG, event.key(), ConfigEventJson.write(event)));
            }
            producer.flush();
        }
    }

    /** One agent of the random walk. */
    static final class Agent {
        final int id;
        final int partition;
        boolean loggedIn;
        boolean routable;
        boolean ready;
        final ArrayDeque<TaskId> tasks = new ArrayDeque<>();

        Agent(int id) {
            this.id = id;
            // the default partitioner's choice for the key
            this.partition = Utils.toPositive(Utils.murmur2(Integer.toString(id).getBytes(StandardCharsets.UTF_8)))
                    % PARTITIONS;
        }
    }

    /** What was written: events, records per partition, snapshots. */
    record Written(long events, Map<Integer, Long> counts, long snapshots, long snapshotBytes) {
    }

    /**
     * N events of a seeded random walk: every event is one the projection accepts (no anomalies). With
     * {@code snapshotEvery > 0}, also the snapshots the router would write.
     */
    static Written writeEvents(String bootstrap, long n, int agentCount, long seed, long snapshotEvery)
            throws InterruptedException {
        Random random = new Random(seed);
        Agent[] agents = new Agent[agentCount];
        for (int i = 0; i < agentCount; i++) {
            agents[i] = new Agent(FIRST_AGENT + i);
        }
        boolean snapshots = snapshotEvery > 0;
        SnapshotPolicy policy = new SnapshotPolicy(snapshotEvery);
        PartitionProjection[] live = new PartitionProjection[PARTITIONS];
        SnapshotCoverage[] coverage = new SnapshotCoverage[PARTITIONS];
        long[] counts = new long[PARTITIONS];
        for (int p = 0; p < PARTITIONS; p++) {
            live[p] = new PartitionProjection(p);
            coverage[p] = new SnapshotCoverage();
        }
        long snapshotCount = 0;
        long snapshotBytes = 0;
        long taskSequence = 0;
        long[] failed = {0};
        Exception[] firstFailure = {null};
        try (KafkaProducer<String, String> producer = producer(bootstrap, snapshots);
                KafkaProducer<String, byte[]> snapshotProducer = snapshots ? snapshotProducer(bootstrap) : null) {
            for (long i = 0; i < n; i++) {
                Agent agent = agents[random.nextInt(agentCount)];
                Instant at = eventTime(i);
                ArmMessage message;
                ArmFields fields;
                if (!agent.loggedIn) {
                    message = ArmMessage.MEDIA_LOGIN_REQ;
                    fields = ArmFields.mediaLogin(0, false, MAX_TASKS, Integer.toString(agent.id));
                    agent.loggedIn = true;
                } else if (!agent.routable) {
                    message = ArmMessage.MAKE_AGENT_ROUTABLE_IND;
                    fields = ArmFields.maxTasks(MAX_TASKS);
                    agent.routable = true;
                } else if (!agent.ready) {
                    int roll = random.nextInt(100);
                    if (roll < 70) {
                        message = ArmMessage.MAKE_AGENT_READY_IND;
                        fields = ArmFields.makeRoutable(true);
                        agent.ready = true;
                    } else if (roll < 85 && !agent.tasks.isEmpty()) {
                        message = ArmMessage.END_TASK_IND;
                        fields = ArmFields.taskEnd(agent.tasks.poll(), null);
                    } else if (agent.tasks.isEmpty() && roll >= 95) {
                        message = ArmMessage.MEDIA_LOGOUT_IND;
                        fields = ArmFields.NONE;
                        agent.loggedIn = false;
                        agent.routable = false;
                    } else {
                        message = ArmMessage.MAKE_AGENT_READY_IND;
                        fields = ArmFields.makeRoutable(true);
                        agent.ready = true;
                    }
                } else {
                    int roll = random.nextInt(100);
                    if (roll < 45 && agent.tasks.size() < MAX_TASKS) {
                        TaskId task = new TaskId(80_170, agent.id, ++taskSequence);
                        message = ArmMessage.START_TASK_IND;
                        fields = ArmFields.task(task);
                        agent.tasks.add(task);
                    } else if (roll < 85 && !agent.tasks.isEmpty()) {
                        message = ArmMessage.END_TASK_IND;
                        fields = ArmFields.taskEnd(agent.tasks.poll(), null);
                    } else {
                        message = ArmMessage.MAKE_AGENT_NOT_READY_REQ;
                        fields = ArmFields.reasonCode(1 + random.nextInt(5));
                        agent.ready = false;
                    }
                }
                ArmEvent event = new ArmEvent(ArmEvent.SCHEMA_VERSION, new java.util.UUID(random.nextLong(),
                        random.nextLong()), message, message.type(), at, i, MRD, agent.id, fields, "benchmark");
                String json = ArmEventJson.write(event);
                if (i < 1000 && !ArmEventJson.read(json).isValid()) {
                    throw new IllegalStateException("generated an unreadable event: " + json + ": "
                            + ArmEventJson.read(json).error());
                }
                ProducerRecord<String, String> record = snapshots
                        ? new ProducerRecord<>(AGENT_EVENTS, agent.partition, event.key(), json)
                        : new ProducerRecord<>(AGENT_EVENTS, event.key(), json);
                producer.send(record, (metadata, e) -> {
                    if (e != null) {
                        synchronized (failed) {
                            failed[0]++;
                            if (firstFailure[0] == null) {
                                firstFailure[0] = e;
                            }
                        }
                    }
                });
                if (snapshots) {
                    // what the router does with a stored batch (of one record here)
                    int p = agent.partition;
                    long offset = counts[p]++;
                    live[p].apply(event, offset);
                    coverage[p].batch(offset, offset + 1);
                    coverage[p].readable(offset, at);
                    if (policy.crosses(offset, offset + 1)) {
                        PartitionSnapshot snapshot = PartitionSnapshot.of(AGENT_EVENTS, live[p], Instant.now());
                        byte[] value = SnapshotRecords.value(snapshot);
                        snapshotProducer.send(new ProducerRecord<>(SNAPSHOTS, null, snapshot.key(), value,
                                SnapshotRecords.headers(snapshot, coverage[p].take())), (metadata, e) -> {
                                    if (e != null) {
                                        synchronized (failed) {
                                            failed[0]++;
                                            if (firstFailure[0] == null) {
                                                firstFailure[0] = e;
                                            }
                                        }
                                    }
                                });
                        snapshotCount++;
                        snapshotBytes += value.length;
                    }
                }
            }
            producer.flush();
            if (snapshotProducer != null) {
                snapshotProducer.flush();
            }
        }
        synchronized (failed) {
            if (failed[0] > 0) {
                throw new IllegalStateException(failed[0] + " sends failed", firstFailure[0]);
            }
        }
        Map<Integer, Long> byPartition = new TreeMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            byPartition.put(p, counts[p]);
        }
        return new Written(n, byPartition, snapshotCount, snapshotBytes);
    }

    static KafkaProducer<String, byte[]> snapshotProducer(String bootstrap) {
        return KafkaClients.bootstrap(bootstrap).producer("benchmark-snapshots", Map.of(
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024), new StringSerializer(),
                new ByteArraySerializer());
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
