package dialer.contact.intake;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Converts rows in batches on worker threads (number parsing is the costly part), and hands the converted
 * batches to {@code write} in file order on the calling thread. At most a few batches are in flight, so
 * memory stays bounded whatever the file's size.
 *
 * @param <T> a converted batch
 */
final class OrderedBatches<T> implements AutoCloseable {
    private static final int BATCH_ROWS = 500;

    private final ExecutorService workers;
    private final int maxInFlight;
    private final Function<List<CsvContactReader.Row>, T> convert;
    private final Consumer<T> write;
    private final Deque<Future<T>> inFlight = new ArrayDeque<>();
    private List<CsvContactReader.Row> batch = new ArrayList<>(BATCH_ROWS);

    OrderedBatches(ExecutorService workers, int threads, Function<List<CsvContactReader.Row>, T> convert,
            Consumer<T> write) {
        this.workers = workers;
        this.maxInFlight = 2 * threads;
        this.convert = convert;
        this.write = write;
    }

    void add(CsvContactReader.Row row) {
        batch.add(row);
        if (batch.size() == BATCH_ROWS) {
            submit();
        }
    }

    /** Converts and writes everything added so far. */
    void flush() {
        if (!batch.isEmpty()) {
            submit();
        }
        while (!inFlight.isEmpty()) {
            writeOldest();
        }
    }

    /** Abandons batches still in flight, after a failure. */
    @Override
    public void close() {
        inFlight.forEach(future -> future.cancel(true));
        inFlight.clear();
    }

    private void submit() {
        List<CsvContactReader.Row> rows = batch;
        batch = new ArrayList<>(BATCH_ROWS);
        inFlight.add(workers.submit(() -> convert.apply(rows)));
        while (inFlight.size() > maxInFlight) {
            writeOldest();
        }
    }

    private void writeOldest() {
        try {
            write.accept(inFlight.poll().get());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while converting rows", e);
        }
    }
}
