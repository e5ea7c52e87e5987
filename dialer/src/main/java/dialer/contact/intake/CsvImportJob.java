package dialer.contact.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dialer.contact.ContactPartitions;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One CSV import, in one transaction: rows are normalised on worker threads; a campaign's first list is
 * COPYed straight into its new table ({@link FirstListLoad}), other lists go through a staging table
 * ({@link StagedLoad}). Any failure rolls everything back, so a file that breaks midway leaves no contact;
 * the import is then marked failed with the reason and the line. The file is deleted at the end.
 */
final class CsvImportJob implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(CsvImportJob.class);
    private static final Pattern START_LINE = Pattern.compile("\\(startline ([0-9,]+)\\)");
    private static final long PROGRESS_EVERY_NANOS = Duration.ofSeconds(1).toNanos();
    /** Fewer bytes than most contact rows take, to size the search for duplicates from the file's size. */
    private static final int SHORT_ROW_BYTES = 32;

    private final Jdbi jdbi;
    private final RowNormalizer normalizer;
    private final ExecutorService workers;
    private final int workerThreads;
    private final long importId;
    private final IntakeTarget target;
    private final Path file;
    private final CsvLayout layout;
    private final CsvHeader header;
    private final AtomicLong rowsRead = new AtomicLong();

    CsvImportJob(Jdbi jdbi, RowNormalizer normalizer, ImportWorkers workers, long importId, IntakeTarget target,
            Path file, CsvLayout layout, CsvHeader header) {
        this.jdbi = jdbi;
        this.normalizer = normalizer;
        this.workers = workers.executor();
        this.workerThreads = workers.threads();
        this.importId = importId;
        this.target = target;
        this.file = file;
        this.layout = layout;
        this.header = header;
    }

    @Override
    public void run() {
        AtomicLong line = new AtomicLong();
        try {
            importFile(line);
        } catch (Throwable e) {
            long errorLine = e instanceof BadTextException bad ? bad.line : quoteStartLine(e).orElse(line.get());
            String reason = describe(e, errorLine);
            LOG.warn("Import {} failed at line {}: {}", importId, errorLine, reason, e);
            jdbi.useExtension(ImportDao.class, imports -> imports.fail(importId, rowsRead.get(), reason, errorLine));
            if (e instanceof Error error) {
                throw error;
            }
        } finally {
            deleteFile();
        }
    }

    /** Reads, screens and stores the file in one transaction; {@code line} follows the reader. */
    private void importFile(AtomicLong line) throws IOException {
        // progress goes through a connection of its own: the import's transaction holds the other one
        try (CsvContactReader reader = CsvContactReader.open(file, layout); Handle progressHandle = jdbi.open()) {
            ImportDao progress = progressHandle.attach(ImportDao.class);
            // a campaign that has contacts already takes the list through the staging table: no need to count its lines
            OptionalInt lines = ContactPartitions.exists(progressHandle, target.campaignId()) ? OptionalInt.empty()
                    : FirstListLoad.lines(file);
            jdbi.useTransaction(handle -> {
                long start = System.nanoTime();
                Consumer<OrderedBatches<?>> read = batches -> read(reader, batches, progress, line);
                Optional<FirstListLoad> firstList = lines.isPresent()
                        ? FirstListLoad.prepare(handle, target.campaignId(), importId, lines.getAsInt()) : Optional.empty();
                ImportOutcome outcome = firstList.isPresent()
                        ? firstList.get().load(handle, workers, workerThreads, row -> convert(row, null), read)
                        : new StagedLoad(target.campaignId(), importId).load(handle, Files.size(file) / SHORT_ROW_BYTES,
                                workers, workerThreads, row -> convert(row, RowNormalizer.toJsonArray(row.cells())), read);
                LOG.info("Import {}: {} rows read, screened and stored in {} ms{}", importId, rowsRead.get(),
                        (System.nanoTime() - start) / 1_000_000, firstList.isPresent() ? " straight into a new table" : "");
                handle.attach(ImportDao.class).finish(importId, rowsRead.get(), outcome.accepted(), outcome.rejected(),
                        json(outcome.rejects()));
            });
        }
    }

    /** Adds every row of the file to {@code batches}, then flushes them. */
    private void read(CsvContactReader reader, OrderedBatches<?> batches, ImportDao imports, AtomicLong line) {
        long lastProgress = System.nanoTime();
        if (!header.isHeader()) {
            batches.add(new CsvContactReader.Row(header.line(), header.cells()));
            rowsRead.incrementAndGet();
        }
        line.set(reader.currentLine());
        for (CsvContactReader.Row row = reader.next(); row != null; row = reader.next()) {
            line.set(reader.currentLine());
            batches.add(row);
            rowsRead.incrementAndGet();
            if (System.nanoTime() - lastProgress > PROGRESS_EVERY_NANOS) {
                imports.progress(importId, rowsRead.get());
                lastProgress = System.nanoTime();
            }
        }
        batches.flush();
    }

    /**
     * The row, normalised, or refused; text that could not be decoded stops the import. Thread-safe.
     *
     * @param fieldsJson the row's cells as a JSON array, for the staging table; null when not needed
     */
    private IntakeRow convert(CsvContactReader.Row row, String fieldsJson) {
        if (undecodable(row)) {
            throw new BadTextException(row.line(), "The file is not valid " + layout.charset().name()
                    + " text at line " + row.line() + " (the encoding was detected from its start); save it as UTF-8");
        }
        return row.cells().size() > header.columns().size() && !extraCellsBlank(row)
                ? IntakeRow.rejected(row.line(), fieldsJson, RejectReason.MALFORMED_ROW,
                        row.cells().size() + " fields where the header has " + header.columns().size())
                : normalizer.normalize(row.line(), header.mapping().read(row.cells()), fieldsJson, target);
    }

    private static boolean undecodable(CsvContactReader.Row row) {
        for (String cell : row.cells()) {
            if (cell.indexOf(CsvLayout.UNDECODABLE) >= 0) {
                return true;
            }
        }
        return false;
    }

    private boolean extraCellsBlank(CsvContactReader.Row row) {
        return row.cells().subList(header.columns().size(), row.cells().size()).stream().allMatch(String::isBlank);
    }

    /** What went wrong, for a manager: the cause of a problem in the file, never SQL or a stack trace. */
    private String describe(Throwable e, long line) {
        if (e instanceof BadTextException || e instanceof CampaignDeletedException) {
            return e.getMessage();
        }
        if (e instanceof UncheckedIOException && e.getCause() != null && e.getCause().getMessage() != null) {
            return e.getCause().getMessage().contains("EOF reached before encapsulated token")
                    ? "A quoted field opened at line " + line + " is never closed"
                    : "The file cannot be read at line " + line + ": " + e.getCause().getMessage();
        }
        if (e instanceof OutOfMemoryError) {
            return "A field starting near line " + line + " is too long to import (a quote left open?)";
        }
        return "The import failed on an internal or database error; nothing from the file was kept. "
                + "The appliance log has the details under import " + importId;
    }

    /** The line commons-csv says an unclosed quoted field started on, as in "(startline 5,002)". */
    private static Optional<Long> quoteStartLine(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            Matcher matcher = cause.getMessage() == null ? null : START_LINE.matcher(cause.getMessage());
            if (matcher != null && matcher.find()) {
                return Optional.of(Long.parseLong(matcher.group(1).replace(",", "")));
            }
        }
        return Optional.empty();
    }

    /** Text that cannot be read, on a known line. */
    private static final class BadTextException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long line;

        BadTextException(long line, String message) {
            super(message);
            this.line = line;
        }
    }

    private static String json(Map<RejectReason, Long> rejects) {
        StringBuilder json = new StringBuilder("{");
        rejects.forEach((reason, count) -> json.append(json.length() > 1 ? "," : "")
                .append('"').append(reason.code()).append("\":").append(count));
        return json.append('}').toString();
    }

    private void deleteFile() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Cannot delete the uploaded file {}", file, e);
        }
    }
}
