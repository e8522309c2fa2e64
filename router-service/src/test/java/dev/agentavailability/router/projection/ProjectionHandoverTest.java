package dev.agentavailability.router.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.projection.AgentState;
import dev.agentavailability.projection.Anomaly;
import dev.agentavailability.projection.PartitionProjection;
import dev.agentavailability.testsupport.KafkaAndPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A partition moving between two router instances: the old owner may finish a batch it started before the
 * revocation while the new owner applies the same records from the stored checkpoint. Only the first state
 * stored from a checkpoint is kept, so the stored partition never goes back to an older offset or mixes
 * agents of two offsets, and a revoked partition cannot come back into the store of the instance that gave it up.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = KafkaAndPostgresResource.DATABASE_ARG, value = "router"))
class ProjectionHandoverTest {

    @Inject
    ProjectionRepository repository;

    // A topic, partition and agents of this run only: the live consumer of the test application never sees them.
    private final String topic = "handover-test-" + UUID.randomUUID();
    private final int partition = ThreadLocalRandom.current().nextInt(1_000, 1_000_000);
    private final int agent = ThreadLocalRandom.current().nextInt(1_000_000_000, 2_000_000_000);
    private final List<ArmEvent> records = List.of(
            event(ArmMessage.MEDIA_LOGIN_REQ, ArmFields.mediaLogin(0, false, 2, null)),
            event(ArmMessage.MAKE_AGENT_ROUTABLE_IND, ArmFields.maxTasks(2)),
            event(ArmMessage.MAKE_AGENT_READY_IND, ArmFields.makeRoutable(true)),
            event(ArmMessage.MAKE_AGENT_NOT_READY_REQ, ArmFields.reasonCode(3)),
            event(ArmMessage.MAKE_AGENT_READY_IND, ArmFields.makeRoutable(true)),
            event(ArmMessage.MEDIA_LOGOUT_IND, ArmFields.NONE));

    @Test
    void aBatchComputedFromACheckpointThatMovedOnIsNotStored() {
        PartitionProjection loaded = repository.load(topic, partition);
        assertThat(loaded.nextOffset()).isZero();

        // The new owner applies offsets 0..3 from the checkpoint and stores them first.
        ProjectionRepository.PartitionChanges newOwner = apply(loaded, 0, 4);
        assertThat(repository.save(List.of(newOwner))).isEmpty();

        // The old owner's batch in flight, computed from the same checkpoint (offsets 0..2), comes later.
        ProjectionRepository.PartitionChanges oldOwner = apply(loaded, 0, 3);
        assertThat(repository.save(List.of(oldOwner))).containsExactly(partition);
        PartitionProjection stored = repository.load(topic, partition);
        assertThat(stored.nextOffset()).as("the checkpoint does not go back").isEqualTo(4);
        assertThat(stored.agents()).as("nor do the agents").containsExactlyElementsOf(newOwner.after().agents());

        // The old owner's next batch, from the offset it believes stored, is refused as well ...
        assertThat(repository.save(List.of(apply(oldOwner.after(), 3, 6)))).containsExactly(partition);
        // ... while the new owner goes on from what it stored.
        ProjectionRepository.PartitionChanges next = apply(newOwner.after(), 4, 6);
        assertThat(repository.save(List.of(next))).isEmpty();
        stored = repository.load(topic, partition);
        assertThat(stored.nextOffset()).isEqualTo(6);
        assertThat(stored.agents()).containsExactlyElementsOf(next.after().agents());

        // The one that lost reloads and applies its records again: those below the checkpoint are skipped.
        PartitionProjection reloaded = repository.load(topic, partition);
        ProjectionRepository.PartitionChanges again = apply(reloaded, 3, 6);
        assertThat(again.after().nextOffset()).isEqualTo(6);
        assertThat(again.changedAgents()).isEmpty();
    }

    @Test
    void aRevokedPartitionDoesNotComeBackIntoTheStore() {
        ProjectionStore store = new ProjectionStore();
        PartitionProjection before = new PartitionProjection(partition);
        PartitionProjection after = apply(before, 0, 2).after();
        store.put(before);
        store.revoke(partition);
        assertThat(store.replace(before, after)).as("revoked while the batch was in flight").isFalse();
        assertThat(store.partition(partition)).isEmpty();

        PartitionProjection assignedAgain = new PartitionProjection(partition);
        store.put(assignedAgain);
        assertThat(store.replace(before, after)).as("assigned again and loaded afresh meanwhile").isFalse();
        assertThat(store.partition(partition)).containsSame(assignedAgain);
        assertThat(store.replace(assignedAgain, after)).isTrue();
        assertThat(store.partition(partition)).containsSame(after);
    }

    /** Applies records [from, to) to a copy, as the consumer does with one partition's share of a batch. */
    private ProjectionRepository.PartitionChanges apply(PartitionProjection base, int from, int to) {
        PartitionProjection projection = base.copy();
        Map<Integer, AgentState> changed = new LinkedHashMap<>();
        List<Anomaly> anomalies = new ArrayList<>();
        for (int offset = from; offset < to; offset++) {
            PartitionProjection.Outcome outcome = projection.apply(records.get(offset), offset);
            if (outcome instanceof PartitionProjection.Applied applied) {
                changed.put(applied.agent().icmAgentId(), applied.agent());
            } else if (outcome instanceof PartitionProjection.Refused refused) {
                anomalies.add(refused.anomaly());
            }
        }
        return new ProjectionRepository.PartitionChanges(topic, base.nextOffset(), projection, changed.values(),
                anomalies);
    }

    private ArmEvent event(ArmMessage message, ArmFields fields) {
        return ArmEvent.of(message, Instant.parse("2026-11-26T09:00:00Z"), 1, 5000, agent, fields, "handover-test");
    }
}
