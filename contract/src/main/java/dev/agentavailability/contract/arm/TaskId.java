package dev.agentavailability.contract.arm;

import java.util.Optional;

/**
 * The CTI TASKID: a task group (high and low word), constant across related tasks, and a sequence
 * number. Written as {@code high-low-sequence}; a bare number {@code N} means group 0-N, sequence 0.
 */
public record TaskId(long groupHigh, long groupLow, long sequence) implements Comparable<TaskId> {

    public static Optional<TaskId> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String[] parts = text.trim().split("-", -1);
        try {
            if (parts.length == 1) {
                return Optional.of(new TaskId(0, Long.parseLong(parts[0]), 0));
            }
            if (parts.length == 3) {
                return Optional.of(new TaskId(Long.parseLong(parts[0]), Long.parseLong(parts[1]),
                        Long.parseLong(parts[2])));
            }
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return groupHigh + "-" + groupLow + "-" + sequence;
    }

    @Override
    public int compareTo(TaskId other) {
        // group high, group low, sequence (written out: the projection orders an agent's tasks with it)
        int high = Long.compare(groupHigh, other.groupHigh);
        if (high != 0) {
            return high;
        }
        int low = Long.compare(groupLow, other.groupLow);
        return low != 0 ? low : Long.compare(sequence, other.sequence);
    }
}
