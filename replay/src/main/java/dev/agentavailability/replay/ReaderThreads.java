package dev.agentavailability.replay;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Runs readers at once, each on a thread of its own with an agent-event consumer of its own (created and closed
 * here), while the calling thread does its own part with its consumer. Reading, decoding and applying take
 * about as long as each other per record: one thread that does all three for every partition leaves the other
 * processors idle. When one reader fails, the others are woken and the first failure is thrown (later ones
 * attached to it as suppressed, the wake-ups they caused left out).
 */
final class ReaderThreads {
    /** One reader's work: read these partitions with this consumer. */
    interface ReaderWork {
        void read(int lane, KafkaConsumer<ByteBuffer, ByteBuffer> consumer, List<TopicPartition> partitions);
    }

    private final KafkaConsumer<?, ?> callers;
    private final Supplier<KafkaConsumer<ByteBuffer, ByteBuffer>> readers;

    /**
     * @param callers the calling thread's consumer, woken when a reader fails
     * @param readers makes each reader's consumer
     */
    ReaderThreads(KafkaConsumer<?, ?> callers, Supplier<KafkaConsumer<ByteBuffer, ByteBuffer>> readers) {
        this.callers = callers;
        this.readers = readers;
    }

    void run(List<List<TopicPartition>> shares, ReaderWork work, Runnable onThisThread) {
        List<KafkaConsumer<ByteBuffer, ByteBuffer>> consumers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        try {
            for (int lane = 0; lane < shares.size(); lane++) {
                KafkaConsumer<ByteBuffer, ByteBuffer> consumer = readers.get();
                consumers.add(consumer);
                int one = lane;
                Thread thread = new Thread(() -> {
                    try {
                        work.read(one, consumer, shares.get(one));
                    } catch (Throwable e) {
                        fail(failure, e, consumers);
                    }
                }, "topic-replay-reader-" + lane);
                thread.setDaemon(true);
                threads.add(thread);
            }
            threads.forEach(Thread::start);
            try {
                onThisThread.run();
            } catch (RuntimeException | Error e) {
                fail(failure, e, consumers);
            }
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            consumers.forEach(KafkaConsumer::wakeup);
            throw new TopicReplay.ReplayException("replay interrupted", e);
        } finally {
            threads.forEach(ReaderThreads::joinQuietly);
            closeAll(consumers, failure);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private void fail(AtomicReference<RuntimeException> failure, Throwable e,
            List<KafkaConsumer<ByteBuffer, ByteBuffer>> consumers) {
        RuntimeException cause = e instanceof RuntimeException r ? r
                : new IllegalStateException("replay reader failed: " + e, e);
        if (failure.compareAndSet(null, cause)) {
            consumers.forEach(KafkaConsumer::wakeup);
            callers.wakeup();
        } else if (!(e instanceof WakeupException)) {
            // a failure of its own, not the wake-up the first one caused
            failure.get().addSuppressed(e);
        }
    }

    /**
     * Closes every consumer, even when one fails to close (an interrupted thread's close throws): the interrupt
     * is put aside while closing and restored after. A failure to close is a failure of the replay too.
     */
    private void closeAll(List<KafkaConsumer<ByteBuffer, ByteBuffer>> consumers,
            AtomicReference<RuntimeException> failure) {
        boolean interrupted = Thread.interrupted();
        try {
            for (KafkaConsumer<ByteBuffer, ByteBuffer> consumer : consumers) {
                try {
                    consumer.close();
                } catch (RuntimeException e) {
                    if (!failure.compareAndSet(null, e)) {
                        failure.get().addSuppressed(e);
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void joinQuietly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

