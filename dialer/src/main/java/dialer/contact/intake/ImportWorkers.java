package dialer.contact.intake;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.LoggerFactory;

/**
 * The threads that run imports: {@code jobs} runs whole imports, one at a time; {@code executor} with
 * {@code threads} threads converts rows for them.
 */
public record ImportWorkers(ExecutorService jobs, ExecutorService executor, int threads) implements AutoCloseable {
    private static final long STOP_SECONDS = 30;

    /** One import at a time, its rows converted on {@code threads} threads. */
    public static ImportWorkers create(int threads) {
        return new ImportWorkers(Executors.newSingleThreadExecutor(named("import-job")),
                Executors.newFixedThreadPool(threads, named("import-worker")), threads);
    }

    /**
     * Stops both pools and waits for them: an import still running is interrupted, rolls back and marks
     * itself failed; imports still queued stay {@code running} until the next start marks them failed.
     */
    @Override
    public void close() {
        jobs.shutdownNow();
        executor.shutdownNow();
        try {
            if (!jobs.awaitTermination(STOP_SECONDS, TimeUnit.SECONDS)
                    || !executor.awaitTermination(STOP_SECONDS, TimeUnit.SECONDS)) {
                LoggerFactory.getLogger(ImportWorkers.class).warn("Imports did not stop within {} s", STOP_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
