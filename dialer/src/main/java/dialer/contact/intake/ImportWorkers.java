package dialer.contact.intake;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run imports: {@code jobs} runs whole imports, one at a time; {@code executor} with
 * {@code threads} threads converts rows for them.
 */
public record ImportWorkers(ExecutorService jobs, ExecutorService executor, int threads) implements AutoCloseable {

    /** One import at a time, its rows converted on {@code threads} threads. */
    public static ImportWorkers create(int threads) {
        return new ImportWorkers(Executors.newSingleThreadExecutor(named("import-job")),
                Executors.newFixedThreadPool(threads, named("import-worker")), threads);
    }

    /** Stops both pools; an import still running is interrupted and rolls back. */
    @Override
    public void close() {
        jobs.shutdownNow();
        executor.shutdownNow();
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
