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
import dev.agentavailability.contract.config.SkillGroupConfig;
import dev.agentavailability.infra.EmbeddedKafka;
import dev.agentavailability.projection.PartitionProjection;
import dev.agentavailability.replay.ReplayState;
import dev.agentavailability.replay.TopicReplay;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Raw Kafka consumer rate versus availctl's replay rate ({@link TopicReplay}) on one agent-event topic.
 *
 * <p>Starts an embedded broker, creates the agent-event topic (6 partitions) and the config topic (1 partition),
 * writes a small config and N synthetic ARM events (a seeded random walk of the agents through login, routable,
 * ready, not ready, start task, end task and logout), then measures, each run twice with the first run unreported
 * (JIT and page-cache warm-up):
 * <ol>
 *   <li>raw: a plain {@link KafkaConsumer} (String deserializers, assign + seekToBeginning) counting every record
 *       of the agent-event topic up to its end offsets;</li>
 *   <li>replay: {@link TopicReplay#toOffsets(TopicReplay.EndOffsets)} to the same end offsets (decoding every
 *       record and applying it to the projections, plus the config topic).</li>
 * </ol>
 * Prints events per second of both and the ratio replay/raw.
 *
 * <p>Usage: {@code ReplayBenchmark [N]}; system properties {@code benchmark.agents} (default 2000),
 * {@code benchmark.seed} (default 42), {@code benchmark.brokerHeap} (default 1g).
 */
public final class ReplayBenchmark {

    static final String AGENT_EVENTS = "bench.arm.agent-events";
    static final String CONFIG = "bench.availability.config";
    static final int PARTITIONS = 6;
    static final int MRD = 5000;
    static final int SKILL_GROUP = 6928;
    static final int FIRST_AGENT = 10_000;
    static final int MAX_TASKS = 2;
    static final Instant START = Instant.parse("2026-01-05T07:00:00Z");

    private ReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000L;
        int agents = Integer.getInteger("benchmark.agents", 2000);
        long seed = Long.getLong("benchmark.seed", 42L);
        String brokerHeap = System.getProperty("benchmark.brokerHeap", "1g");

        System.out.printf(Locale.ROOT, "replay benchmark: N=%,d events, %d agents, seed %d, %d partitions, "
                + "%d CPUs, client JVM %s, broker heap %s%n", n, agents, seed, PARTITIONS,
                Runtime.getRuntime().availableProcessors(), Runtime.version(), brokerHeap);

        long t0 = System.nanoTime();
        EmbeddedKafka.Options options = EmbeddedKafka.Options.defaults()
                .withPartitions(PARTITIONS)
                .withMaxHeap(brokerHeap);
        try (EmbeddedKafka kafka = EmbeddedKafka.start(options)) {
            String bootstrap = kafka.bootstrapServers();
            System.out.printf(Locale.ROOT, "broker up at %s in %.1f s%n", bootstrap, seconds(System.nanoTime() - t0));
            createTopics(bootstrap);

            long p0 = System.nanoTime();
            writeConfig(bootstrap, agents);
            long written = writeEvents(bootstrap, n, agents, seed);
            double produceSeconds = seconds(System.nanoTime() - p0);
            System.out.printf(Locale.ROOT, "produced %,d events in %.1f s (%,.0f events/s, acks=1)%n", written,
                    produceSeconds, written / produceSeconds);

            TopicReplay replay = new TopicReplay(bootstrap, AGENT_EVENTS, CONFIG, Duration.ofMinutes(30));
            TopicReplay.EndOffsets ends = replay.endOffsets();
            long total = ends.agentEvents().values().stream().mapToLong(Long::longValue).sum();

            // warm-up: one unreported run of each
            Measurement rawWarm = raw(bootstrap, ends.agentEvents());
            Measurement replayWarm = replay(replay, ends);
            System.out.printf(Locale.ROOT, "warm-up (not reported): raw %,.0f events/s, replay %,.0f events/s%n",
                    rawWarm.rate(), replayWarm.rate());

            Measurement raw = raw(bootstrap, ends.agentEvents());
            Measurement replayed = replay(replay, ends);

            if (raw.records() != total || replayed.records() != total) {
                throw new IllegalStateException("read " + raw.records() + " (raw) and " + replayed.records()
                        + " (replay) records, the topic holds " + total);
            }
            double ratio = replayed.rate() / raw.rate();
            System.out.println();
            System.out.printf(Locale.ROOT, "%-8s %12s %10s %14s%n", "run", "events", "seconds", "events/s");
            System.out.printf(Locale.ROOT, "%-8s %,12d %10.2f %,14.0f%n", "raw", raw.records(), raw.seconds(),
                    raw.rate());
            System.out.printf(Locale.ROOT, "%-8s %,12d %10.2f %,14.0f%n", "replay", replayed.records(),
                    replayed.seconds(), replayed.rate());
            System.out.printf(Locale.ROOT, "ratio replay/raw = %.2f (target >= 0.50: %s)%n", ratio,
                    ratio >= 0.5 ? "met" : "NOT met");
            System.out.printf(Locale.ROOT, "replayed state: %s%n", replayed.summary());
        }
    }

    record Measurement(long records, long nanos, String summary) {
        double seconds() {
            return ReplayBenchmark.seconds(nanos);
        }

        double rate() {
            return records / seconds();
        }
    }

    // ------------------------------------------------------------------------------------------------ measurements

    /** A plain consumer that counts every record of the agent-event topic below the end offsets. */
    static Measurement raw(String bootstrap, Map<Integer, Long> endOffsets) {
        long start = System.nanoTime();
        long count = 0;
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "benchmark-raw");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(AGENT_EVENTS)) {
                partitions.add(new TopicPartition(AGENT_EVENTS, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long target = endOffsets.values().stream().mapToLong(Long::longValue).sum();
            while (count < target) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                count += records.count();
            }
        }
        return new Measurement(count, System.nanoTime() - start, "");
    }

    /** availctl's replay core to the same end offsets. */
    static Measurement replay(TopicReplay replay, TopicReplay.EndOffsets ends) {
        long start = System.nanoTime();
        ReplayState state = replay.toOffsets(ends);
        long nanos = System.nanoTime() - start;
        long records = 0;
        long anomalies = 0;
        int agents = 0;
        for (PartitionProjection projection : state.partitions().values()) {
            records += projection.nextOffset();
            anomalies += projection.anomalies();
            agents += projection.agents().size();
        }
        long configItems = state.config().asMap().values().stream().mapToLong(Map::size).sum();
        String summary = String.format(Locale.ROOT, "%d agents, %,d anomalies, %d config items, events up to %s",
                agents, anomalies, configItems, state.at());
        return new Measurement(records, nanos, summary);
    }

    // ------------------------------------------------------------------------------------------------ data

    static void createTopics(String bootstrap) throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(
                    new NewTopic(AGENT_EVENTS, PARTITIONS, (short) 1),
                    new NewTopic(CONFIG, 1, (short) 1))).all().get();
        }
    }

    static KafkaProducer<String, String> producer(String bootstrap) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "benchmark-producer");
        config.put(ProducerConfig.ACKS_CONFIG, "1");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
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
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
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
        boolean loggedIn;
        boolean routable;
        boolean ready;
        final ArrayDeque<TaskId> tasks = new ArrayDeque<>();

        Agent(int id) {
            this.id = id;
        }
    }

    /** N events of a seeded random walk: every event is one the projection accepts (no anomalies). */
    static long writeEvents(String bootstrap, long n, int agentCount, long seed) throws InterruptedException {
        Random random = new Random(seed);
        Agent[] agents = new Agent[agentCount];
        for (int i = 0; i < agentCount; i++) {
            agents[i] = new Agent(FIRST_AGENT + i);
        }
        long taskSequence = 0;
        long[] failed = {0};
        Exception[] firstFailure = {null};
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            for (long i = 0; i < n; i++) {
                Agent agent = agents[random.nextInt(agentCount)];
                Instant at = START.plusMillis(i * 10);
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
                producer.send(new ProducerRecord<>(AGENT_EVENTS, event.key(), json),
                        (metadata, e) -> {
                            if (e != null) {
                                synchronized (failed) {
                                    failed[0]++;
                                    if (firstFailure[0] == null) {
                                        firstFailure[0] = e;
                                    }
                                }
                            }
                        });
            }
            producer.flush();
        }
        synchronized (failed) {
            if (failed[0] > 0) {
                throw new IllegalStateException(failed[0] + " sends failed", firstFailure[0]);
            }
        }
        return n;
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
