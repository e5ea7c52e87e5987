package dialer.contact.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.LoggerFactory;

/**
 * Imports CSV lists of contacts into campaigns. {@link #start} checks at once that the file can be read
 * (encoding, delimiter, header, a phone column, at least one row) and then imports it in the background;
 * {@link #find} tells how it goes.
 */
public final class ContactImportService {
    private final Jdbi jdbi;
    private final RowNormalizer normalizer;
    private final ImportWorkers workers;
    private final ImportQueries queries;

    public ContactImportService(Jdbi jdbi, RowNormalizer normalizer, ImportWorkers workers) {
        this.jdbi = jdbi;
        this.normalizer = normalizer;
        this.workers = workers;
        this.queries = new ImportQueries(jdbi);
    }

    /**
     * Starts importing {@code file}, which the service then owns: it deletes it when done, or at once
     * when it refuses it.
     *
     * @param mapping explicit column mapping: field key ({@code phone}, {@code phone2}, {@code firstName}...)
     *                to a header name or 1-based column number; empty to map by header names
     * @throws UnreadableUploadException when the file cannot be imported at all
     */
    public StartedImport start(IntakeTarget target, Path file, String fileName, Map<String, String> mapping,
            Optional<Long> createdBy) {
        try {
            return begin(target, file, fileName, mapping, createdBy);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    private StartedImport begin(IntakeTarget target, Path file, String fileName, Map<String, String> mapping,
            Optional<Long> createdBy) {
        CsvLayout layout = CsvLayout.detect(file);
        CsvHeader header;
        try (CsvContactReader reader = CsvContactReader.open(file, layout)) {
            CsvContactReader.Row first = reader.first();
            header = CsvHeader.of(first.line(), first.cells(), mapping);
            if (header.isHeader() && reader.next() == null) {
                throw new UnreadableUploadException("The file has a header but no rows");
            }
        } catch (UncheckedIOException e) {
            throw new UnreadableUploadException("The start of the file cannot be read as "
                    + layout.charset().name() + " CSV: " + e.getCause().getMessage());
        }
        long id = jdbi.onDemand(ImportDao.class).insert(target.campaignId(), fileName, layout.charset().name(),
                String.valueOf(layout.delimiter()), RowNormalizer.toJsonArray(header.columns()), createdBy.orElse(null));
        try {
            Future<?> done = workers.jobs().submit(new CsvImportJob(jdbi, normalizer, workers, id, target, file, layout,
                    header));
            return new StartedImport(id, done);
        } catch (RejectedExecutionException e) {
            jdbi.onDemand(ImportDao.class).fail(id, 0, "the appliance is stopping; upload the file again", null);
            throw e;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LoggerFactory.getLogger(ContactImportService.class).warn("Cannot delete the refused upload {}", file, e);
        }
    }

    /**
     * Marks as failed the imports a previous run of the appliance left running (their transaction was
     * rolled back when it stopped). Call once at start, before taking uploads.
     *
     * @return how many were marked
     */
    public int failInterrupted() {
        return jdbi.onDemand(ImportDao.class).failRunning();
    }

    public Optional<ImportStatus> find(long id) {
        return queries.find(id);
    }

    /** Writes the import's rejected rows as CSV (see {@link ImportQueries#writeRejects}). */
    public void writeRejects(long id, Writer out) {
        queries.writeRejects(id, out);
    }
}
