package dev.agentavailability.router.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.projection.AgentState;
import dev.agentavailability.router.database.DatabaseOutage;
import dev.agentavailability.projection.Anomaly;
import dev.agentavailability.projection.PartitionProjection;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hibernate.Session;

/**
 * Stores each partition's agents together with the offset they reflect, in one transaction, so that a
 * restart resumes exactly after the last applied event: nothing lost, nothing counted twice.
 */
@ApplicationScoped
public class ProjectionRepository {

    private final EntityManager em;
    private final DatabaseOutage outage;

    public ProjectionRepository(EntityManager em, DatabaseOutage outage) {
        this.em = em;
        this.outage = outage;
    }

    /**
     * What one batch changed in one partition.
     *
     * @param fromOffset the partition's next offset before the batch: the checkpoint the changes apply to
     */
    record PartitionChanges(String topic, long fromOffset, PartitionProjection after,
            Collection<AgentState> changedAgents, List<Anomaly> anomalies) {
    }

    /**
     * Stores the batch in one transaction and returns the partitions that were <em>not</em> stored because
     * their checkpoint is no longer at {@link PartitionChanges#fromOffset()}: another batch stored it first (the
     * partition's new owner's, or one its old owner started before the partition moved).
     * The check and the write are one conditional statement on the checkpoint row, whose row lock orders
     * concurrent writers, so a partition's stored state only ever moves forward from the state it was computed
     * from: a late batch can neither roll back the checkpoint nor leave agents of an older offset behind.
     * Checkpoints are locked in partition order, so two instances never deadlock.
     */
    public Set<Integer> save(List<PartitionChanges> batch) {
        List<PartitionChanges> ordered = batch.stream()
                .sorted(Comparator.comparingInt((PartitionChanges c) -> c.after().partition())).toList();
        return outage.rideOut(() -> QuarkusTransaction.requiringNew().call(() -> em.unwrap(Session.class)
                .doReturningWork(connection -> {
            Set<Integer> conflicts = new TreeSet<>();
            try (PreparedStatement checkpoint = connection.prepareStatement(
                    "insert into partition_checkpoint as cp (topic, partition_id, next_offset, anomalies, last_event_at, "
                            + "unavailable_domains) values (?, ?, ?, ?, ?, ?) "
                            + "on conflict (topic, partition_id) do update set next_offset = excluded.next_offset, "
                            + "anomalies = excluded.anomalies, last_event_at = excluded.last_event_at, "
                            + "unavailable_domains = excluded.unavailable_domains where cp.next_offset = ?");
                    PreparedStatement agents = connection.prepareStatement(
                    "insert into agent_state (icm_agent_id, partition_id, applied_offset, state) values (?, ?, ?, cast(? as jsonb)) "
                            + "on conflict (icm_agent_id) do update set partition_id = excluded.partition_id, "
                            + "applied_offset = excluded.applied_offset, state = excluded.state");
                    PreparedStatement anomalies = connection.prepareStatement(
                            "insert into anomaly (partition_id, event_offset, event_id, icm_agent_id, mrd_id, message, arm_status, reason, occurred_at) "
                                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")) {
                for (PartitionChanges changes : ordered) {
                    PartitionProjection p = changes.after();
                    checkpoint.setString(1, changes.topic());
                    checkpoint.setInt(2, p.partition());
                    checkpoint.setLong(3, p.nextOffset());
                    checkpoint.setLong(4, p.anomalies());
                    checkpoint.setTimestamp(5, p.lastEventAt() == null ? null : Timestamp.from(p.lastEventAt()));
                    checkpoint.setArray(6, connection.createArrayOf("integer", p.unavailableDomains().toArray()));
                    checkpoint.setLong(7, changes.fromOffset());
                    if (checkpoint.executeUpdate() == 0) {
                        conflicts.add(p.partition());
                        continue;
                    }
                    for (AgentState agent : changes.changedAgents()) {
                        agents.setInt(1, agent.icmAgentId());
                        agents.setInt(2, p.partition());
                        agents.setLong(3, p.nextOffset() - 1);
                        agents.setString(4, ContractJson.write(agent));
                        agents.addBatch();
                    }
                    for (Anomaly a : changes.anomalies()) {
                        anomalies.setInt(1, a.partition());
                        anomalies.setLong(2, a.offset());
                        anomalies.setObject(3, a.eventId());
                        anomalies.setInt(4, a.icmAgentId());
                        anomalies.setInt(5, a.mrdId());
                        anomalies.setString(6, a.message().name());
                        anomalies.setString(7, a.status().name());
                        anomalies.setString(8, a.reason());
                        anomalies.setTimestamp(9, Timestamp.from(a.occurredAt()));
                        anomalies.addBatch();
                    }
                }
                agents.executeBatch();
                anomalies.executeBatch();
            }
            return conflicts;
        })));
    }

    /** The partition as last saved, or an empty projection at offset 0 if this group never saw it. */
    public PartitionProjection load(String topic, int partition) {
        return outage.rideOut(() -> QuarkusTransaction.requiringNew().call(() -> {
            TreeMap<Integer, AgentState> agents = new TreeMap<>();
            long[] next = {0};
            long[] anomalies = {0};
            Instant[] lastEventAt = {null};
            Set<Integer> unavailableDomains = new TreeSet<>();
            em.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement cp = connection.prepareStatement(
                        "select next_offset, anomalies, last_event_at, unavailable_domains from partition_checkpoint "
                                + "where topic = ? and partition_id = ?")) {
                    cp.setString(1, topic);
                    cp.setInt(2, partition);
                    try (ResultSet rs = cp.executeQuery()) {
                        if (rs.next()) {
                            next[0] = rs.getLong(1);
                            anomalies[0] = rs.getLong(2);
                            Timestamp ts = rs.getTimestamp(3);
                            lastEventAt[0] = ts == null ? null : ts.toInstant();
                            unavailableDomains.addAll(List.of((Integer[]) rs.getArray(4).getArray()));
                        }
                    }
                }
                try (PreparedStatement rows = connection.prepareStatement(
                        "select state::text from agent_state where partition_id = ?")) {
                    rows.setInt(1, partition);
                    try (ResultSet rs = rows.executeQuery()) {
                        while (rs.next()) {
                            AgentState agent = readAgent(rs.getString(1));
                            agents.put(agent.icmAgentId(), agent);
                        }
                    }
                }
            });
            return new PartitionProjection(partition, next[0], agents, unavailableDomains, anomalies[0],
                    lastEventAt[0]);
        }));
    }

    public List<Anomaly> recentAnomalies(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select partition_id, event_offset, event_id, icm_agent_id, mrd_id, "
                    + "message, arm_status, reason, occurred_at from anomaly order by occurred_at desc, event_offset desc")
                    .setMaxResults(limit).getResultList();
            return rows.stream().map(ProjectionRepository::anomaly).toList();
        });
    }

    private static Anomaly anomaly(Object[] r) {
        return new Anomaly(((Number) r[0]).intValue(), ((Number) r[1]).longValue(), (java.util.UUID) r[2],
                ((Number) r[3]).intValue(), ((Number) r[4]).intValue(),
                dev.agentavailability.contract.arm.ArmMessage.valueOf((String) r[5]),
                dev.agentavailability.contract.arm.ArmStatus.valueOf((String) r[6]), (String) r[7], instant(r[8]));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    private static AgentState readAgent(String json) {
        try {
            return ContractJson.mapper().readValue(json, AgentState.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
