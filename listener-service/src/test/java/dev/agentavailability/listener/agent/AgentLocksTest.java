package dev.agentavailability.listener.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AgentLocksTest {

    private final AgentLocks locks = new AgentLocks();

    @Test
    void oneAgentsCommandsDoNotInterleave() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            var futures = new java.util.ArrayList<Future<?>>();
            for (int i = 0; i < 400; i++) {
                futures.add(pool.submit(() -> locks.withLock(6420, () -> {
                    if (inside.incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    Thread.yield();
                    inside.decrementAndGet();
                    return null;
                })));
            }
            for (Future<?> f : futures) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(overlaps).hasValue(0);
        assertThat(locks.inUse()).isZero();
    }

    @Test
    void differentAgentsRunInParallel() throws Exception {
        CountDownLatch agent1Inside = new CountDownLatch(1);
        CountDownLatch agent2Done = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // Agent 1 holds its lock until agent 2 has finished: this only completes if agent 2 is not blocked.
            Future<Boolean> first = pool.submit(() -> locks.withLock(1, () -> {
                agent1Inside.countDown();
                try {
                    return agent2Done.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertThat(agent1Inside.await(10, TimeUnit.SECONDS)).isTrue();
            pool.submit(() -> locks.withLock(2, () -> {
                agent2Done.countDown();
                return null;
            })).get(10, TimeUnit.SECONDS);
            assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}
