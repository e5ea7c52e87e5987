package dialer.api.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dialer.contact.intake.ContactImportService;
import dialer.contact.intake.ImportStatus;
import dialer.contact.intake.ImportWorkers;
import dialer.contact.intake.IntakeTarget;
import dialer.contact.intake.RowNormalizer;
import dialer.contact.intake.StartedImport;
import dialer.persistence.Database;
import dialer.phone.PhoneNumbers;
import org.postgresql.PGConnection;

/**
 * Imports a generated list of {@code rows} contacts through {@link ContactImportService}, the code path
 * of the HTTP upload, then times a raw COPY of the accepted rows into an unindexed table of the same
 * database: the physical limit the import is compared with.
 */
final class ImportBenchmark {
    private static final int DNC_NUMBERS = 500;

    private final Database database;
    private final Path workDir;

    ImportBenchmark(Database database, Path workDir) {
        this.database = database;
        this.workDir = workDir;
    }

    /**
     * Runs the benchmark and returns its figures. {@code warmupRows} rows are imported first into another
     * campaign, so that the measured import runs on compiled code, as in an appliance that has imported before.
     * The measured list goes into a new campaign (its contacts fill a new table); then {@code addedRows} more
     * go into the same campaign, through the indexes of the table the first list filled.
     */
    Map<String, Object> run(int rows, int warmupRows, int addedRows, long seed) throws Exception {
        try (ImportWorkers workers = ImportWorkers.create(Runtime.getRuntime().availableProcessors())) {
            ContactImportService imports = new ContactImportService(database.jdbi(),
                    new RowNormalizer(new PhoneNumbers()), workers);
            if (warmupRows > 0) {
                Path warmup = workDir.resolve("bench-warmup.csv");
                new ContactListGenerator(seed + 1).write(warmup, warmupRows);
                importFile(imports, createCampaign(), warmup);
            }
            Path file = workDir.resolve("bench-contacts.csv");
            List<String> sample = new ContactListGenerator(seed).write(file, rows);
            long campaignId = createCampaign();
            sample.stream().limit(DNC_NUMBERS).forEach(number -> database.jdbi().useHandle(h -> h.execute(
                    "INSERT INTO dnc_entries (phone_e164, campaign_id, source) VALUES (?, ?, 'bench')", number, campaignId)));
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            ImportStatus status = importFile(imports, campaignId, file);
            double seconds = (System.nanoTime() - start) / 1e9;
            long peakHeap = peakHeapBytes();
            double baseline = copyBaselineSeconds(status.id());
            Path added = workDir.resolve("bench-added.csv");
            new ContactListGenerator(seed + 2).write(added, addedRows);
            long addStart = System.nanoTime();
            importFile(imports, campaignId, added);
            double addSeconds = (System.nanoTime() - addStart) / 1e9;
            Map<String, Object> figures = new HashMap<>(Map.of("rows", status.rowsRead(), "accepted", status.accepted(),
                    "rejected", status.rejected(), "rejectsByReason", status.rejectsByReason(), "seconds", round(seconds),
                    "rowsPerSecond", Math.round(status.rowsRead() / seconds), "peakHeapMb", peakHeap / (1024 * 1024),
                    "copyBaselineSeconds", round(baseline), "maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024),
                    "warmupRows", warmupRows));
            figures.put("addedRows", addedRows);
            figures.put("addedRowsPerSecond", Math.round(addedRows / addSeconds));
            return figures;
        }
    }

    private static ImportStatus importFile(ContactImportService imports, long campaignId, Path file) throws Exception {
        StartedImport started = imports.start(new IntakeTarget(campaignId, "RU", ZoneId.of("Europe/Moscow")),
                file, file.getFileName().toString(), Map.of(), Optional.empty());
        started.done().get();
        ImportStatus status = imports.find(started.id()).orElseThrow();
        if (status.state() != ImportStatus.State.DONE) {
            throw new IllegalStateException("The import failed: " + status.error().orElse("?"));
        }
        return status;
    }

    private long createCampaign() {
        return database.jdbi().withHandle(h -> h.createUpdate(
                        "INSERT INTO campaigns (name, mode) VALUES ('bench import ' || clock_timestamp()::text, 'predictive')")
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    /** COPY the accepted rows out to a file, then time COPYing them into an unindexed table. */
    private double copyBaselineSeconds(long importId) throws SQLException, IOException {
        Path dump = workDir.resolve("bench-accepted.copy");
        String columns = "phone_e164, alt_phones, time_zone, first_name, last_name, external_id, priority, custom_fields";
        try (Connection connection = database.dataSource().getConnection()) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            try (OutputStream out = Files.newOutputStream(dump)) {
                copy.copyOut("COPY (SELECT " + columns + " FROM contacts WHERE import_id = " + importId + ") TO STDOUT", out);
            }
            try (var statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS bench_copy_baseline");
                statement.execute("CREATE TABLE bench_copy_baseline AS SELECT " + columns + " FROM contacts WITH NO DATA");
            }
            long start = System.nanoTime();
            try (InputStream in = Files.newInputStream(dump)) {
                copy.copyIn("COPY bench_copy_baseline FROM STDIN", in);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            try (var statement = connection.createStatement()) {
                statement.execute("DROP TABLE bench_copy_baseline");
            }
            return seconds;
        } finally {
            Files.deleteIfExists(dump);
        }
    }

    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
