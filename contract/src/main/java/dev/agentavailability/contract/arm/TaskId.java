package dev.agentavailability.contract.arm;

import java.util.Comparator;
import java.util.Optional;

/**
 * The CTI TASKID: a task group (high and low word), constant across related tasks, and a sequence
 * number. Written as {@code high-low-sequence}; a bare number {@code N} means group 0-N, sequence 0.
 */
public record TaskId(long groupHigh, long groupLow, long sequence) implements Comparable<TaskId> {

    private static final Comparator<TaskId> ORDER = Comparator.comparingLong(TaskId::groupHigh)
            .thenComparingLong(TaskId::groupLow)
            .thenComparingLong(TaskId::sequence);

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
        return ORDER.compare(this, other);
    }
}
