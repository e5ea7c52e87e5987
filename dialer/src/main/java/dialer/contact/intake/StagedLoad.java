package dialer.contact.intake;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A list COPYed into a {@link StagingTable} as the file is read, then screened there and inserted
 * set-based: the way of every list but a campaign's first (see {@link FirstListLoad}).
 */
final class StagedLoad {
    private static final Logger LOG = LoggerFactory.getLogger(StagedLoad.class);
    private static final int ROW_BYTES = 256;

    private final long campaignId;
    private final long importId;

    StagedLoad(long campaignId, long importId) {
        this.campaignId = campaignId;
        this.importId = importId;
    }

    /**
     * Stages the rows that {@code read} adds, as they are converted on {@code threads} of {@code workers};
     * then screens and stores them.
     *
     * @param expectedRows about how many rows the file has
     * @param normalize    turns a row into a contact or a reject, with its fields JSON
     * @param read         adds every row of the file, then flushes
     */
    ImportOutcome load(Handle handle, long expectedRows, ExecutorService workers, int threads,
            Function<CsvContactReader.Row, IntakeRow> normalize, Consumer<OrderedBatches<?>> read) {
        try (StagingTable staging = StagingTable.open(handle, expectedRows)) {
            long start = System.nanoTime();
            try (OrderedBatches<ByteSink> batches = new OrderedBatches<>(workers, threads,
                    rows -> encode(staging, rows, normalize), staging::write)) {
                read.accept(batches);
            }
            long staged = System.nanoTime();
            staging.screen(campaignId, StagingTable.Mode.INSERT);
            long screened = System.nanoTime();
            long accepted = staging.insertAccepted(campaignId, importId);
            Map<RejectReason, Long> rejects = staging.saveRejects(importId);
            LOG.info("Import {}: read and staged in {} ms, screened in {} ms, stored in {} ms", importId,
                    (staged - start) / 1_000_000, (screened - staged) / 1_000_000, (System.nanoTime() - screened) / 1_000_000);
            return new ImportOutcome(accepted, rejects);
        }
    }

    private static ByteSink encode(StagingTable staging, List<CsvContactReader.Row> rows,
            Function<CsvContactReader.Row, IntakeRow> normalize) {
        ByteSink encoded = new ByteSink(rows.size() * ROW_BYTES);
        for (CsvContactReader.Row row : rows) {
            staging.encoder().append(encoded, normalize.apply(row));
        }
        return encoded;
    }
}
