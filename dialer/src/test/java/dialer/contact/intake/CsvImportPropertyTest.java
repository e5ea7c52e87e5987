package dialer.contact.intake;

import static dialer.contact.intake.IntakeFixtures.await;
import static dialer.contact.intake.IntakeFixtures.campaign;
import static dialer.contact.intake.IntakeFixtures.contactsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import dialer.phone.PhoneNumbers;
import dialer.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random messy files: every data row ends up accepted or rejected, exactly once. Files go in pairs into
 * one campaign: the first fills the campaign's new table of contacts, the second adds to the existing one.
 */
class CsvImportPropertyTest {
    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();
    private static final ImportWorkers WORKERS = ImportWorkers.create(2);
    private static final List<String> PHONE_HEADERS = List.of("phone", "Телефон", "tel", "номер");
    private static final List<String> NAME_HEADERS = List.of("first name", "Имя", "name");

    @TempDir
    Path dir;

    @AfterAll
    static void stop() {
        WORKERS.close();
    }

    @Test
    void acceptedPlusRejectedIsEveryDataRow() throws Exception {
        ContactImportService imports = new ContactImportService(DB.jdbi(), new RowNormalizer(new PhoneNumbers()), WORKERS);
        Random random = new Random(20261122L);
        IntakeTarget target = null;
        long acceptedBefore = 0;
        for (int file = 0; file < 40; file++) {
            GeneratedFile generated = generate(random, file);
            if (file % 2 == 0) {
                target = campaign(DB.jdbi(), "property-" + file, "RU", "Europe/Moscow");
                acceptedBefore = 0;
            }

            ImportStatus status = await(imports, imports.start(target, generated.path, "f.csv", Map.of(), Optional.empty()));

            assertThat(status.state()).as(generated.describe()).isEqualTo(ImportStatus.State.DONE);
            assertThat(status.rowsRead()).as(generated.describe()).isEqualTo(generated.dataRows);
            assertThat(status.accepted() + status.rejected()).as(generated.describe()).isEqualTo(generated.dataRows);
            assertThat(status.rejectsByReason().values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(status.rejected());
            assertThat(contactsOf(DB.jdbi(), target.campaignId())).isEqualTo(acceptedBefore + status.accepted());
            acceptedBefore += status.accepted();
            long rejectRows = DB.jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(DISTINCT line) FROM import_rejects WHERE import_id = :id")
                    .bind("id", status.id()).mapTo(Long.class).one());
            assertThat(rejectRows).isEqualTo(status.rejected());
        }
    }

    private GeneratedFile generate(Random random, int index) throws Exception {
        Charset charset = random.nextBoolean() ? StandardCharsets.UTF_8 : CsvLayout.WINDOWS_1251;
        char delimiter = ",;\t".charAt(random.nextInt(3));
        StringBuilder text = new StringBuilder();
        if (charset == StandardCharsets.UTF_8 && random.nextBoolean()) {
            text.append('\uFEFF');
        }
        String d = String.valueOf(delimiter);
        text.append(PHONE_HEADERS.get(random.nextInt(PHONE_HEADERS.size()))).append(d)
                .append(NAME_HEADERS.get(random.nextInt(NAME_HEADERS.size()))).append(d).append("Комментарий\n");
        int rows = 1 + random.nextInt(300);
        String previous = "+74951234567";
        for (int row = 0; row < rows; row++) {
            if (random.nextInt(20) == 0) {
                text.append('\n');
            }
            String phone = switch (random.nextInt(8)) {
                case 0 -> "";
                case 1 -> "12" + random.nextInt(1000);
                case 2 -> previous;
                case 3 -> "8 (916) " + (100 + random.nextInt(900)) + "-" + (10 + random.nextInt(90)) + "-" + (10 + random.nextInt(90));
                default -> "+7 495 " + (1000000 + random.nextInt(9000000));
            };
            previous = phone.isEmpty() ? previous : phone;
            String comment = switch (random.nextInt(5)) {
                case 0 -> "\"с \"\"кавычками\"\"" + d + " и разделителем\"";
                case 1 -> "\"две\nстроки\"";
                case 2 -> "=HYPERLINK(\"x\")";
                default -> "ок";
            };
            text.append(phone).append(d).append("Имя ").append(row).append(d).append(comment);
            if (random.nextInt(25) == 0) {
                text.append(d).append("лишнее");
            }
            text.append(random.nextBoolean() ? "\n" : "\r\n");
        }
        Path path = Files.write(dir.resolve("random-" + index + ".csv"), text.toString().getBytes(charset));
        return new GeneratedFile(path, rows, charset + " '" + delimiter + "' " + rows + " rows");
    }

    private record GeneratedFile(Path path, long dataRows, String describe) {
    }
}
