package dialer.contact.intake;

import static dialer.contact.intake.IntakeFixtures.await;
import static dialer.contact.intake.IntakeFixtures.campaign;
import static dialer.contact.intake.IntakeFixtures.contactsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import dialer.contact.ContactPartitions;
import dialer.phone.PhoneNumbers;
import dialer.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A campaign's first list, COPYed straight into its new table and screened in memory, ends exactly as the
 * same list screened in SQL through the staging table: the same contacts in the same order, the same
 * rejects with the same reasons and details.
 */
class FirstListLoadTest {
    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();
    private static final ImportWorkers WORKERS = ImportWorkers.create(2);

    @TempDir
    Path dir;

    private final ContactImportService imports =
            new ContactImportService(DB.jdbi(), new RowNormalizer(new PhoneNumbers()), WORKERS);

    @AfterAll
    static void stop() {
        WORKERS.close();
    }

    @Test
    void storesWhatTheStagingTableWouldStore() throws Exception {
        Random random = new Random(20261123L);
        DB.jdbi().useHandle(h -> h.execute("INSERT INTO dnc_entries (phone_e164) VALUES ('+74951000007'), ('+79160000042')"));
        // a prefix for +74951000020 to +74951000029, inside a shorter one for all the +7495100.... numbers the files
        // have: the longer one is named in the reject
        DB.jdbi().useHandle(h -> h.execute("INSERT INTO dnc_entries (phone_e164, kind) VALUES ('+7495100002', 'prefix'), ('+749510000', 'prefix')"));
        for (int file = 0; file < 12; file++) {
            String csv = generate(random, 50 + random.nextInt(3000));
            IntakeTarget direct = campaign(DB.jdbi(), "direct-" + file, "RU", "Europe/Moscow");
            IntakeTarget staged = campaign(DB.jdbi(), "staged-" + file, "RU", "Europe/Moscow");
            for (IntakeTarget target : List.of(direct, staged)) {
                DB.jdbi().useHandle(h -> h.execute("INSERT INTO dnc_entries (phone_e164, campaign_id) VALUES ('+74951000011', ?)",
                        target.campaignId()));
            }
            DB.jdbi().useHandle(h -> ContactPartitions.ensure(h, staged.campaignId()));
            assertThat(takesTheFirstListPath(direct)).isTrue();
            assertThat(takesTheFirstListPath(staged)).isFalse();

            ImportStatus directStatus = importFile(direct, csv);
            ImportStatus stagedStatus = importFile(staged, csv);

            assertThat(directStatus.state()).isEqualTo(ImportStatus.State.DONE);
            assertThat(directStatus.rejectsByReason()).isEqualTo(stagedStatus.rejectsByReason());
            assertThat(directStatus.accepted()).isEqualTo(stagedStatus.accepted());
            assertThat(contacts(direct)).as("file " + file).isEqualTo(contacts(staged));
            assertThat(rejects(directStatus)).as("file " + file).isEqualTo(rejects(stagedStatus));
        }
        for (String prefix : List.of("+7495100002*", "+749510000*")) {
            long rejected = DB.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM import_rejects WHERE detail = :detail")
                    .bind("detail", "on the do-not-call list: " + prefix).mapTo(Long.class).one());
            assertThat(rejected).as("rows rejected for the prefix %s", prefix).isPositive();
        }
        long stored = DB.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM contacts WHERE phone_e164 LIKE '+749510000%'"
                + " OR EXISTS (SELECT 1 FROM unnest(alt_phones) alt WHERE alt LIKE '+749510000%')").mapTo(Long.class).one());
        assertThat(stored).as("no number under a do-not-call prefix was stored").isZero();
    }

    @Test
    void manyRejectsWaitOnDiskAndAreAllKept() throws Exception {
        StringBuilder csv = new StringBuilder("phone;name\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append(i % 10 == 0 ? "+7916" + String.format("%07d", i) : "12" + i).append(";Name ").append(i).append('\n');
        }
        IntakeTarget target = campaign(DB.jdbi(), "many-rejects", "RU", "Europe/Moscow");

        ImportStatus status = importFile(target, csv.toString());

        assertThat(status.accepted()).isEqualTo(2_000);
        assertThat(status.rejectsByReason()).isEqualTo(Map.of("invalid_number", 18_000L));
        assertThat(rejects(status)).hasSize(18_000);
    }

    /**
     * A do-not-call entry added while a campaign's first list loads waits for the load to commit (the list was
     * screened against the entries of its start): it never lands between the screening and the commit.
     */
    @Test
    void aDoNotCallEntryAddedDuringAFirstListWaitsUntilTheListIsStored() throws Exception {
        int rows = 300_000;
        StringBuilder csv = new StringBuilder("phone;name\n");
        for (int i = 0; i < rows; i++) {
            csv.append("+7917").append(String.format("%07d", i)).append(";Name ").append(i).append('\n');
        }
        IntakeTarget target = campaign(DB.jdbi(), "dnc-during-load", "RU", "Europe/Moscow");
        Path path = IntakeFixtures.file(dir, "dnc-during-load.csv", csv.toString(), StandardCharsets.UTF_8);

        StartedImport started = imports.start(target, path, "list.csv", Map.of(), Optional.empty());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!DB.jdbi().withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
                + " WHERE c.relname = 'dnc_entries' AND l.mode = 'ShareLock' AND l.granted)").mapTo(Boolean.class).one())) {
            assertThat(System.nanoTime()).as("the load took its lock on the do-not-call entries").isLessThan(deadline);
            Thread.sleep(5);
        }
        long before = contactsOf(DB.jdbi(), target.campaignId());
        DB.jdbi().useHandle(h -> h.execute("INSERT INTO dnc_entries (phone_e164) VALUES ('+79170000042')"));
        long after = contactsOf(DB.jdbi(), target.campaignId());
        ImportStatus status = await(imports, started);

        assertThat(before).as("the list was still loading when the entry was added").isZero();
        assertThat(after).as("the entry went in once the list was stored").isEqualTo(rows);
        assertThat(status.accepted()).isEqualTo(rows);
    }

    /** Old Mac files break lines with a lone CR, Excel's with CRLF: each break is one line, as the reader counts. */
    @Test
    void linesAreCountedAsTheCsvReaderCountsThem() {
        assertThat(FirstListLoad.lines(IntakeFixtures.file(dir, "lf.csv", "a\nb\nc\n", StandardCharsets.UTF_8)))
                .hasValue(4);
        assertThat(FirstListLoad.lines(IntakeFixtures.file(dir, "crlf.csv", "a\r\nb\r\nc", StandardCharsets.UTF_8)))
                .hasValue(3);
        assertThat(FirstListLoad.lines(IntakeFixtures.file(dir, "cr.csv", "a\rb\rc\r\r", StandardCharsets.UTF_8)))
                .hasValue(5);
        assertThat(FirstListLoad.lines(IntakeFixtures.file(dir, "long.csv", "\r".repeat(FirstListLoad.MAX_LINES),
                StandardCharsets.UTF_8))).isEmpty();
    }

    private static boolean takesTheFirstListPath(IntakeTarget target) {
        return DB.jdbi().<Boolean, RuntimeException>inTransaction(
                h -> FirstListLoad.prepare(h, target.campaignId(), 0, 10).isPresent());
    }

    private ImportStatus importFile(IntakeTarget target, String csv) throws Exception {
        Path path = IntakeFixtures.file(dir, "list-" + target.campaignId() + ".csv", csv, StandardCharsets.UTF_8);
        return await(imports, imports.start(target, path, "list.csv", Map.of(), Optional.empty()));
    }

    private static List<Map<String, Object>> contacts(IntakeTarget target) {
        return DB.jdbi().withHandle(h -> h.createQuery("""
                SELECT phone_e164, alt_phones::text AS alt, time_zone, first_name, last_name, external_id, priority,
                       custom_fields::text AS custom, state
                FROM contacts WHERE campaign_id = :c ORDER BY id""").bind("c", target.campaignId()).mapToMap().list());
    }

    private static List<Map<String, Object>> rejects(ImportStatus status) {
        return DB.jdbi().withHandle(h -> h.createQuery(
                        "SELECT line, reason, detail, fields::text AS fields FROM import_rejects WHERE import_id = :i ORDER BY line")
                .bind("i", status.id()).mapToMap().list());
    }

    /** Repeated numbers and external ids, numbers on the do-not-call list, alternates, bad rows. */
    private static String generate(Random random, int rows) {
        StringBuilder csv = new StringBuilder("phone;phone2;external id;name;priority\n");
        for (int row = 0; row < rows; row++) {
            String phone = switch (random.nextInt(12)) {
                case 0 -> "";
                case 1 -> "12" + random.nextInt(100);
                case 2 -> "+7495100" + String.format("%04d", random.nextInt(30));
                case 3 -> "8 (916) 000-00-" + (10 + random.nextInt(40));
                default -> "+7916" + String.format("%07d", random.nextInt(rows * 4));
            };
            String alternate = random.nextInt(4) == 0 ? "+7495100" + String.format("%04d", random.nextInt(30)) : "";
            String externalId = random.nextInt(3) == 0 ? "" : "id-" + random.nextInt(rows);
            String priority = random.nextInt(40) == 0 ? "high" : String.valueOf(random.nextInt(3));
            csv.append(phone).append(';').append(alternate).append(';').append(externalId).append(";Имя ").append(row)
                    .append(';').append(priority).append(random.nextInt(60) == 0 ? ";extra" : "").append('\n');
        }
        return csv.toString();
    }
}
