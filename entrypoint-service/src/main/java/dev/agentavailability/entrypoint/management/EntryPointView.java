package dev.agentavailability.entrypoint.management;

import java.util.Arrays;
import java.util.List;

/**
 * An immutable copy of an entry point: what the management API answers and what the in-memory cache holds.
 */
public record EntryPointView(long id, String name, int mrdId, List<Integer> skillGroupIds, boolean active) {

    public EntryPointView {
        skillGroupIds = List.copyOf(skillGroupIds);
    }

    static List<Integer> ids(int[] ids) {
        return ids == null ? List.of() : Arrays.stream(ids).boxed().toList();
    }
}
