package dev.agentavailability.entrypoint.availability;

import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.availability.AvailabilityCounts;
import dev.agentavailability.contract.availability.AvailabilityKey;
import dev.agentavailability.contract.availability.AvailabilityJson;
import dev.agentavailability.contract.availability.MrdAvailability;
import dev.agentavailability.contract.availability.SkillGroupAvailability;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The availability topics in memory: the latest record of every skill group and MRD per agent-event partition.
 * The initialize call reads only this.
 */
@ApplicationScoped
public class AvailabilityView {

    /** What applying one topic record did. */
    public record Applied(Kind kind, String error) {

        public enum Kind { STORED, REMOVED, MALFORMED }

        public static final Applied STORED = new Applied(Kind.STORED, null);
        public static final Applied REMOVED = new Applied(Kind.REMOVED, null);

        public static Applied malformed(String error) {
            return new Applied(Kind.MALFORMED, error);
        }

        public boolean isMalformed() {
            return kind == Kind.MALFORMED;
        }
    }

    private final PartitionedAvailability<SkillGroupAvailability> skillGroups =
            new PartitionedAvailability<>(SkillGroupAvailability::counts);
    private final PartitionedAvailability<MrdAvailability> mrds =
            new PartitionedAvailability<>(MrdAvailability::counts);
    private final AtomicLong malformedSkillGroupRecords = new AtomicLong();
    private final AtomicLong malformedMrdRecords = new AtomicLong();

    /** Applies a record of the skill-group topic (key {@code skillGroupId/partition}, null value = deleted). */
    public Applied applySkillGroup(String key, String value) {
        Applied applied = apply(key, value, skillGroups, AvailabilityJson::readSkillGroup,
                SkillGroupAvailability::skillGroupId, SkillGroupAvailability::partition,
                SkillGroupAvailability::counts);
        if (applied.isMalformed()) {
            malformedSkillGroupRecords.incrementAndGet();
        }
        return applied;
    }

    /** Applies a record of the MRD topic (key {@code mrdId/partition}, null value = deleted). */
    public Applied applyMrd(String key, String value) {
        Applied applied = apply(key, value, mrds, AvailabilityJson::readMrd,
                MrdAvailability::mrdId, MrdAvailability::partition, MrdAvailability::counts);
        if (applied.isMalformed()) {
            malformedMrdRecords.incrementAndGet();
        }
        return applied;
    }

    /** A skill group's availability: the sum over the agent-event partitions. */
    public AvailabilityCounts skillGroup(int skillGroupId) {
        return skillGroups.total(skillGroupId);
    }

    /** An MRD's availability: the sum over the agent-event partitions. */
    public AvailabilityCounts mrd(int mrdId) {
        return mrds.total(mrdId);
    }

    /** The skill groups and MRDs some partition has a record of, ordered. */
    public java.util.SortedSet<Integer> skillGroupIds() {
        return skillGroups.ids();
    }

    /** The MRD of a skill group, as its records say; 0 when none is held. */
    public int skillGroupMrd(int skillGroupId) {
        return skillGroups.partitions(skillGroupId).values().stream().findFirst().map(SkillGroupAvailability::mrdId)
                .orElse(0);
    }

    public java.util.SortedSet<Integer> mrdIds() {
        return mrds.ids();
    }

    public Optional<SkillGroupAvailability> skillGroupRecord(int skillGroupId, int partition) {
        return skillGroups.get(skillGroupId, partition);
    }

    public Optional<MrdAvailability> mrdRecord(int mrdId, int partition) {
        return mrds.get(mrdId, partition);
    }

    /** A skill group's records by agent-event partition. */
    public java.util.SortedMap<Integer, SkillGroupAvailability> skillGroupRecords(int skillGroupId) {
        return skillGroups.partitions(skillGroupId);
    }

    /** An MRD's records by agent-event partition. */
    public java.util.SortedMap<Integer, MrdAvailability> mrdRecords(int mrdId) {
        return mrds.partitions(mrdId);
    }

    public int skillGroupRecords() {
        return skillGroups.size();
    }

    public int mrdRecords() {
        return mrds.size();
    }

    public long malformedSkillGroupRecords() {
        return malformedSkillGroupRecords.get();
    }

    public long malformedMrdRecords() {
        return malformedMrdRecords.get();
    }

    private static <T> Applied apply(String key, String value, PartitionedAvailability<T> store,
            Function<String, Decoded<T>> reader, ToIntFunction<T> id, ToIntFunction<T> partition,
            Function<T, AvailabilityCounts> counts) {
        AvailabilityKey recordKey = key == null ? null : AvailabilityKey.parse(key).orElse(null);
        if (key != null && recordKey == null) {
            return Applied.malformed("key '" + key + "' is not of the form id/partition");
        }
        if (value == null) {
            if (recordKey == null) {
                return Applied.malformed("deletion (null value) without a key");
            }
            store.remove(recordKey.id(), recordKey.partition());
            return Applied.REMOVED;
        }
        Decoded<T> decoded = reader.apply(value);
        if (!decoded.isValid()) {
            return Applied.malformed(decoded.error());
        }
        T record = decoded.value();
        int recordId = id.applyAsInt(record);
        int recordPartition = partition.applyAsInt(record);
        if (recordKey != null && !recordKey.equals(new AvailabilityKey(recordId, recordPartition))) {
            return Applied.malformed("key '" + key + "' does not match the value's "
                    + new AvailabilityKey(recordId, recordPartition).text());
        }
        if (recordPartition < 0) {
            return Applied.malformed("negative partition " + recordPartition);
        }
        String negative = negativeCount(counts.apply(record));
        if (negative != null) {
            return Applied.malformed("negative count: " + negative);
        }
        store.put(recordId, recordPartition, record);
        return Applied.STORED;
    }

    private static String negativeCount(AvailabilityCounts c) {
        if (c.loggedIn() < 0) {
            return "loggedIn";
        }
        if (c.ready() < 0) {
            return "ready";
        }
        if (c.routable() < 0) {
            return "routable";
        }
        if (c.available() < 0) {
            return "available";
        }
        if (c.atTaskLimit() < 0) {
            return "atTaskLimit";
        }
        if (c.domainUnavailable() < 0) {
            return "domainUnavailable";
        }
        if (c.activeTasks() < 0) {
            return "activeTasks";
        }
        return c.taskLimit() < 0 ? "taskLimit" : null;
    }
}
