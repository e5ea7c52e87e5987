package dialer.contact.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;

import dialer.contact.ContactPartitions;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A campaign's first list, COPYed straight into the campaign's new table while the file is read: rows are
 * screened in memory (against each other by {@link InFileScreen}, against the do-not-call list by
 * {@link DncScreen}) instead of in a staging table, which saves writing every row twice. It holds the
 * campaign's intake ({@link IntakeLocks}) from the start. Taken only when what it holds in memory stays
 * small: a file of at most {@link #MAX_LINES} lines and at most {@link #MAX_DNC_ENTRIES} do-not-call entries
 * for the campaign; other lists go through the {@link StagingTable}.
 */
final class FirstListLoad {
    private static final Logger LOG = LoggerFactory.getLogger(FirstListLoad.class);
    /** About 60 MiB of keys at most: 12 bytes a number and 16 an external id, with the hash tables' slack. */
    static final int MAX_LINES = 1_500_000;
    static final int MAX_DNC_ENTRIES = 1_000_000;
    private static final int READ_BYTES = 1 << 16;

    private final long campaignId;
    private final long importId;
    private final int maxLines;
    private final DncScreen dnc;

    private FirstListLoad(long campaignId, long importId, int maxLines, DncScreen dnc) {
        this.campaignId = campaignId;
        this.importId = importId;
        this.maxLines = maxLines;
        this.dnc = dnc;
    }

    /**
     * How many lines the file has at most, when it is at most {@link #MAX_LINES}: its line breaks (LF, CRLF
     * or a lone CR, as the CSV reader counts them), and one.
     */
    static OptionalInt lines(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] chunk = new byte[READ_BYTES];
            int lines = 1;
            byte previous = 0;
            for (int read = in.read(chunk); read >= 0 && lines <= MAX_LINES; read = in.read(chunk)) {
                for (int i = 0; i < read; i++) {
                    byte b = chunk[i];
                    lines += b == '\r' || b == '\n' && previous != '\r' ? 1 : 0;
                    previous = b;
                }
            }
            return lines <= MAX_LINES ? OptionalInt.of(lines) : OptionalInt.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Holds the campaign's intake and reads its do-not-call entries, when the campaign has no table of
     * contacts yet and not too many entries apply (checked before the locks are taken, so that a list that
     * goes through the staging table does not hold them any longer than that path does; when the table
     * appeared or entries were added while the locks were awaited, the caller keeps them).
     *
     * @param maxLines what {@link #lines} gave for the file
     * @return the load, or empty when the list must go through the staging table
     * @throws CampaignDeletedException when the campaign is gone
     */
    static Optional<FirstListLoad> prepare(Handle handle, long campaignId, long importId, int maxLines) {
        if (ContactPartitions.exists(handle, campaignId) || DncScreen.moreThan(handle, campaignId, MAX_DNC_ENTRIES)) {
            return Optional.empty();
        }
        IntakeLocks.hold(handle, campaignId);
        if (ContactPartitions.exists(handle, campaignId)) {
            return Optional.empty();
        }
        return DncScreen.load(handle, campaignId, MAX_DNC_ENTRIES)
                .map(dnc -> new FirstListLoad(campaignId, importId, maxLines, dnc));
    }

    /**
     * Creates the campaign's table and COPYs into it the rows that {@code read} adds, as they are converted
     * on {@code threads} of {@code workers}; then attaches the table and saves the rejected rows.
     *
     * @param normalize turns a row into a contact or a reject; its fields JSON is not needed
     * @param read      adds every row of the file, then flushes
     */
    ImportOutcome load(Handle handle, ExecutorService workers, int threads,
            Function<CsvContactReader.Row, IntakeRow> normalize, Consumer<OrderedBatches<?>> read) {
        NewTableRows rows = new NewTableRows(campaignId, importId, dnc, normalize);
        try (RejectSpool rejects = new RejectSpool(importId); InFileScreen screen = new InFileScreen(maxLines, rejects)) {
            long start = System.nanoTime();
            long[] copied = new long[2];
            long accepted = ContactPartitions.load(handle, campaignId, table -> {
                try (CopyStream copy = CopyStream.open(handle, table + " (" + NewTableRows.COLUMNS + ")", ", FREEZE");
                        OrderedBatches<ScreenedBatch> batches = new OrderedBatches<>(workers, threads, rows::convert,
                                batch -> copy.write(screen.keep(batch)))) {
                    read.accept(batches);
                    long count = copy.end();
                    copied[0] = System.nanoTime();
                    // before the attach, which holds the contacts table against other attaches until commit
                    rejects.save(handle);
                    copied[1] = System.nanoTime();
                    return count;
                }
            });
            LOG.info("Import {}: read, screened and COPYed in {} ms, rejects saved in {} ms, indexed and attached in {} ms",
                    importId, (copied[0] - start) / 1_000_000, (copied[1] - copied[0]) / 1_000_000,
                    (System.nanoTime() - copied[1]) / 1_000_000);
            return new ImportOutcome(accepted, rejects.counts());
        }
    }
}
