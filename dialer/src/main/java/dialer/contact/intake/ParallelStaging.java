package dialer.contact.intake;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Converts rows to COPY data in batches on worker threads (number parsing is the costly part), and
 * writes the batches to the staging table in file order from the calling thread. At most a few batches
 * are in flight, so memory stays bounded whatever the file's size.
 */
final class ParallelStaging implements AutoCloseable {
    private static final int BATCH_ROWS = 2000;

    private final ExecutorService workers;
    private final int maxInFlight;
    private final Function<CsvContactReader.Row, IntakeRow> convert;
    private final StagingTable staging;
    private final Deque<Future<ByteSink>> inFlight = new ArrayDeque<>();
    private List<CsvContactReader.Row> batch = new ArrayList<>(BATCH_ROWS);

    ParallelStaging(ExecutorService workers, int threads, Function<CsvContactReader.Row, IntakeRow> convert,
            StagingTable staging) {
        this.workers = workers;
        this.maxInFlight = 2 * threads;
        this.convert = convert;
        this.staging = staging;
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
        inFlight.add(workers.submit(() -> encode(rows)));
        while (inFlight.size() > maxInFlight) {
            writeOldest();
        }
    }

    private ByteSink encode(List<CsvContactReader.Row> rows) {
        ByteSink encoded = new ByteSink(rows.size() * 256);
        for (CsvContactReader.Row row : rows) {
            staging.encoder().append(encoded, convert.apply(row));
        }
        return encoded;
    }

    private void writeOldest() {
        try {
            staging.write(inFlight.poll().get());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while staging rows", e);
        }
    }
}
