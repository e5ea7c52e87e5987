package dialer.contact.intake;

import static dialer.contact.intake.IntakeFixtures.await;
import static dialer.contact.intake.IntakeFixtures.campaign;
import static dialer.contact.intake.IntakeFixtures.contactsOf;
import static dialer.contact.intake.IntakeFixtures.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dialer.campaign.CampaignService;
import dialer.contact.ContactPartitions;
import dialer.phone.PhoneNumbers;
import dialer.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class CsvImportTest {
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
    void readsAWindows1251SemicolonFileWithRussianHeaders() throws Exception {
        IntakeTarget target = campaign(DB.jdbi(), "ru-list", "RU", "Europe/Moscow");
        String csv = """
                Фамилия;Имя;Телефон;Город;Приоритет
                Иванов;Иван;8 (495) 123-45-67;Москва;5
                Петров;Пётр;+7 383 212-34-56;Новосибирск;
                Сидоров;Сидор;12345;Тула;
                Кузнецов;;;Омск;
                Иванова;Мария;+74951234567;Москва;
                Смирнов;Олег;+7 916 000 00 01;"Москва; центр";x
                """;
        Path path = file(dir, "list.csv", csv, CsvLayout.WINDOWS_1251);

        ImportStatus status = await(imports, imports.start(target, path, "list.csv", Map.of(), Optional.empty()));

        assertThat(status.state()).isEqualTo(ImportStatus.State.DONE);
        assertThat(status.rowsRead()).isEqualTo(6);
        assertThat(status.accepted()).isEqualTo(2);
        assertThat(status.rejectsByReason()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "invalid_number", 1L, "missing_number", 1L, "duplicate", 1L, "malformed_row", 1L));
        List<Map<String, Object>> contacts = DB.jdbi().withHandle(h -> h.createQuery(
                "SELECT phone_e164, time_zone, last_name, priority, custom_fields::text AS custom FROM contacts "
                        + "WHERE campaign_id = :c ORDER BY id").bind("c", target.campaignId()).mapToMap().list());
        assertThat(contacts).extracting(row -> row.get("phone_e164")).containsExactly("+74951234567", "+73832123456");
        assertThat(contacts).extracting(row -> row.get("time_zone")).containsExactly("Europe/Moscow", "Asia/Novosibirsk");
        assertThat(contacts.get(0).get("last_name")).isEqualTo("Иванов");
        assertThat(contacts.get(0).get("priority")).isEqualTo(5);
        assertThat((String) contacts.get(0).get("custom")).isEqualTo("{\"Город\": \"Москва\"}");

        StringWriter rejects = new StringWriter();
        imports.writeRejects(status.id(), rejects);
        assertThat(rejects.toString().lines().toList()).containsExactly(
                "line,reason,detail,Фамилия,Имя,Телефон,Город,Приоритет",
                "4,invalid_number,not a valid number for region RU: 12345,Сидоров,Сидор,12345,Тула,",
                "5,missing_number,no phone number,Кузнецов,,,Омск,",
                "6,duplicate,same number as line 2,Иванова,Мария,'+74951234567,Москва,",
                "7,malformed_row,priority is not a whole number: x,Смирнов,Олег,'+7 916 000 00 01,Москва; центр,x");
    }

    /** The finish time was the import transaction's start, which made the rate in rows per second absurd. */
    @Test
    void finishTimeIsWhenTheImportEndedNotWhenItsTransactionBegan() throws Exception {
        IntakeTarget target = campaign(DB.jdbi(), "finish-time", "RU", "Europe/Moscow");
        Path path = file(dir, "finish.csv", "phone\n+74951234567\n+74951234568\n", StandardCharsets.UTF_8);

        ImportStatus status = await(imports, imports.start(target, path, "finish.csv", Map.of(), Optional.empty()));

        boolean finishedAfterItsRowsWereStored = DB.jdbi().withHandle(h -> h.createQuery("""
                SELECT i.finished_at > max(c.created_at) FROM imports i JOIN contacts c ON c.import_id = i.id
                WHERE i.id = :id GROUP BY i.finished_at""").bind("id", status.id()).mapTo(Boolean.class).one());
        assertThat(finishedAfterItsRowsWereStored).isTrue();
    }

    /** Whichever comes first, the import waits for the delete or the delete for the import: nothing is left. */
    @Test
    void aCampaignDeletedDuringItsFirstImportLeavesNeitherContactsNorTheirTable() throws Exception {
        CampaignService campaigns = new CampaignService(DB.jdbi());
        for (int round = 0; round < 6; round++) {
            IntakeTarget target = campaign(DB.jdbi(), "deleted-" + round, "RU", "Europe/Moscow");
            StringBuilder csv = new StringBuilder("phone\n");
            for (int i = 0; i < 5_000 * round; i++) {
                csv.append("+7916").append(String.format("%07d", i)).append('\n');
            }
            csv.append("+79990000000\n");
            Path path = file(dir, "deleted.csv", csv.toString(), StandardCharsets.UTF_8);

            StartedImport started = imports.start(target, path, "deleted.csv", Map.of(), Optional.empty());
            assertThat(campaigns.delete(target.campaignId())).isTrue();
            started.done().get(60, TimeUnit.SECONDS);

            assertThat(contactsOf(DB.jdbi(), target.campaignId())).isZero();
            boolean tableLeft = DB.jdbi().withHandle(h -> ContactPartitions.exists(h, target.campaignId()));
            assertThat(tableLeft).as("round " + round).isFalse();
        }
    }

    @Test
    void aFileThatBreaksMidwayLeavesNothing() throws Exception {
        IntakeTarget target = campaign(DB.jdbi(), "broken", "RU", "Europe/Moscow");
        StringBuilder csv = new StringBuilder("phone,name\n");
        for (int i = 0; i < 5000; i++) {
            csv.append("+7916").append(String.format("%07d", i)).append(",Name ").append(i).append('\n');
        }
        csv.append("+79160000001,\"never closed\n");
        Path path = file(dir, "broken.csv", csv.toString(), StandardCharsets.UTF_8);

        ImportStatus status = await(imports, imports.start(target, path, "broken.csv", Map.of(), Optional.empty()));

        assertThat(status.state()).isEqualTo(ImportStatus.State.FAILED);
        assertThat(status.errorLine()).contains(5002L);
        assertThat(status.error()).contains("A quoted field opened at line 5002 is never closed");
        assertThat(contactsOf(DB.jdbi(), target.campaignId())).isZero();
        assertThat(path).doesNotExist();
    }

    @Test
    void aQuoteLeftOpenIsStoppedBeforeItFillsMemory() throws Exception {
        IntakeTarget target = campaign(DB.jdbi(), "open-quote", "RU", "Europe/Moscow");
        StringBuilder csv = new StringBuilder("phone,note\n+74951112200,ok\n+74951112201,\"open\n");
        for (int line = 0; line < 30_000; line++) {
            csv.append("+7916").append(String.format("%07d", line)).append(",some text that is now inside the quote\n");
        }
        Path path = file(dir, "open.csv", csv.toString(), StandardCharsets.UTF_8);

        ImportStatus status = await(imports, imports.start(target, path, "open.csv", Map.of(), Optional.empty()));

        assertThat(status.state()).isEqualTo(ImportStatus.State.FAILED);
        assertThat(status.error()).hasValueSatisfying(error -> assertThat(error).contains("a quote was probably left open"));
        assertThat(contactsOf(DB.jdbi(), target.campaignId())).isZero();
    }

    @Test
    void aGenuineReplacementCharacterIsNotTakenForBadBytes() throws Exception {
        IntakeTarget target = campaign(DB.jdbi(), "replacement-char", "RU", "Europe/Moscow");
        Path path = file(dir, "fffd.csv", "phone,note\n+74951112202,caf\uFFFD\n", StandardCharsets.UTF_8);

        ImportStatus status = await(imports, imports.start(target, path, "fffd.csv", Map.of(), Optional.empty()));

        assertThat(status.state()).isEqualTo(ImportStatus.State.DONE);
        assertThat(status.accepted()).isEqualTo(1);
    }

    @Test
    void badBytesMidwayFailWithTheLineAndLeaveNothing() throws Exception {
        IntakeTarget target = campaign(DB.jdbi(), "bad-bytes", "RU", "Europe/Moscow");
        StringBuilder csv = new StringBuilder("телефон;имя\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append("+7916").append(String.format("%07d", i)).append(";Имя\n");
        }
        byte[] good = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[good.length + 4];
        System.arraycopy(good, 0, bad, 0, good.length);
        bad[good.length] = (byte) 0xC3;
        bad[good.length + 1] = (byte) 0x28;
        bad[good.length + 2] = ';';
        bad[good.length + 3] = '\n';
        Path path = java.nio.file.Files.write(dir.resolve("bad.csv"), bad);

        ImportStatus status = await(imports, imports.start(target, path, "bad.csv", Map.of(), Optional.empty()));

        assertThat(status.state()).isEqualTo(ImportStatus.State.FAILED);
        assertThat(status.error()).hasValueSatisfying(error -> assertThat(error).contains("not valid UTF-8"));
        assertThat(status.errorLine()).hasValueSatisfying(line -> assertThat(line).isEqualTo(20_002L));
        assertThat(contactsOf(DB.jdbi(), target.campaignId())).isZero();
    }

    @Test
    void importsLeftRunningByAStoppedApplianceAreMarkedFailed() {
        IntakeTarget target = campaign(DB.jdbi(), "interrupted", "RU", "Europe/Moscow");
        long id = DB.jdbi().withHandle(h -> h.createUpdate("INSERT INTO imports (campaign_id, rows_read) VALUES (:c, 500)")
                .bind("c", target.campaignId()).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());

        assertThat(imports.failInterrupted()).isEqualTo(1);

        ImportStatus status = imports.find(id).orElseThrow();
        assertThat(status.state()).isEqualTo(ImportStatus.State.FAILED);
        assertThat(status.rowsRead()).isZero();
        assertThat(status.error()).hasValueSatisfying(error -> assertThat(error).contains("nothing from it was kept"));
        assertThat(imports.failInterrupted()).isZero();
    }

    @Test
    void filesThatCannotBeImportedAtAllAreRefusedAtOnce() {
        IntakeTarget target = campaign(DB.jdbi(), "refused", "RU", "Europe/Moscow");

        assertThatThrownBy(() -> imports.start(target, file(dir, "empty.csv", "\n\n", StandardCharsets.UTF_8),
                "empty.csv", Map.of(), Optional.empty()))
                .isInstanceOf(UnreadableUploadException.class).hasMessage("The file is empty");
        assertThatThrownBy(() -> imports.start(target, file(dir, "header.csv", "phone;name\n", StandardCharsets.UTF_8),
                "header.csv", Map.of(), Optional.empty()))
                .isInstanceOf(UnreadableUploadException.class).hasMessage("The file has a header but no rows");
        assertThatThrownBy(() -> imports.start(target, file(dir, "nophone.csv", "name;city\nIvan;Moscow\n",
                StandardCharsets.UTF_8), "nophone.csv", Map.of(), Optional.empty()))
                .isInstanceOf(UnreadableUploadException.class).hasMessageStartingWith("No phone column");
    }

    @Test
    void columnsWithTheSameNameAreAllKept() throws Exception {
        IntakeTarget target = campaign(DB.jdbi(), "same-names", "RU", "Europe/Moscow");
        Path path = file(dir, "same.csv", "phone,comment,comment,\n+74951112299,first,second,third\n",
                StandardCharsets.UTF_8);

        await(imports, imports.start(target, path, "same.csv", Map.of(), Optional.empty()));

        String custom = DB.jdbi().withHandle(h -> h.createQuery("SELECT custom_fields::text FROM contacts WHERE campaign_id = :c")
                .bind("c", target.campaignId()).mapTo(String.class).one());
        assertThat(custom).isEqualTo("{\"column4\": \"third\", \"comment\": \"first\", \"comment (2)\": \"second\"}");
    }

    @Test
    void explicitMappingAndFilesWithoutAHeader() throws Exception {
        IntakeTarget target = campaign(DB.jdbi(), "mapped", "US", "America/New_York");
        Path noHeader = file(dir, "raw.csv", "Smith\t(212) 555-0100\tgold\nJones\t(310) 555-0199\tsilver\n",
                StandardCharsets.UTF_8);

        ImportStatus status = await(imports, imports.start(target, noHeader, "raw.csv", Map.of(), Optional.empty()));
        assertThat(status.accepted()).isEqualTo(2);

        Path mapped = file(dir, "mapped.csv", "\uFEFFwho,cell,home\nAnn,(212) 555-0111,(212) 555-0112\n",
                StandardCharsets.UTF_8);
        status = await(imports, imports.start(target, mapped, "mapped.csv",
                Map.of("phone", "cell", "phone2", "3", "lastName", "who"), Optional.empty()));
        assertThat(status.accepted()).isEqualTo(1);
        Map<String, Object> ann = DB.jdbi().withHandle(h -> h.createQuery(
                "SELECT last_name, alt_phones::text AS alt, time_zone FROM contacts WHERE phone_e164 = '+12125550111'")
                .mapToMap().one());
        assertThat(ann).containsEntry("last_name", "Ann").containsEntry("alt", "{+12125550112}")
                .containsEntry("time_zone", "America/New_York");
    }
}
