package dev.agentavailability.listener.agent;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per agent, so that one agent's commands run one after the other (check, publish, apply) while
 * different agents' commands run in parallel. A lock lives only while someone holds or waits for it, so the
 * map does not grow with every agent id ever asked about.
 */
final class AgentLocks {

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }

    private final ConcurrentHashMap<Integer, Entry> locks = new ConcurrentHashMap<>();

    <T> T withLock(int icmAgentId, Supplier<T> work) {
        Entry entry = locks.compute(icmAgentId, (id, e) -> {
            Entry held = e == null ? new Entry() : e;
            held.users++;
            return held;
        });
        entry.lock.lock();
        try {
            return work.get();
        } finally {
            entry.lock.unlock();
            locks.computeIfPresent(icmAgentId, (id, e) -> --e.users == 0 ? null : e);
        }
    }

    /** Agents with a lock in use; for tests. */
    int inUse() {
        return locks.size();
    }
}
