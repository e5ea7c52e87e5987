package dialer.dnc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dialer.contact.ContactPartitions;
import dialer.phone.PhoneNumbers;
import dialer.testing.TestDatabase;
import dialer.validation.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bulk uploads of do-not-call lists. */
class DncImportTest {
    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private DncService dnc() {
        return new DncService(db.jdbi(), new PhoneNumbers());
    }

    private static ByteArrayInputStream file(String text, Charset charset) {
        return new ByteArrayInputStream(text.getBytes(charset));
    }

    @Test
    void countsAddedPresentAndInvalidLines() {
        DncService dnc = dnc();
        dnc.add("+74951234567", Optional.empty(), Optional.empty(), "manual");

        DncImportResult result = dnc.importCsv(file("""
                +74951234567
                8 916 123-45-67

                +7812*
                not a number
                +79161234567
                +0*
                """, StandardCharsets.UTF_8), Optional.empty(), Optional.of("RU"));

        assertThat(result.added()).isEqualTo(2);
        assertThat(result.alreadyPresent()).isEqualTo(2);
        assertThat(result.invalidCount()).isEqualTo(2);
        assertThat(result.invalid()).containsExactly(
                new DncImportResult.InvalidLine(5, "not a number"), new DncImportResult.InvalidLine(7, "+0*"));
        assertThat(dnc.list(DncFilter.all(), 10, 0).items()).filteredOn(e -> e.source().equals(DncImport.SOURCE))
                .extracting(e -> e.target().written()).containsExactly("+79161234567", "+7812*");
    }

    @Test
    void readsWindows1251WithSemicolonsAndARussianHeader() {
        DncService dnc = dnc();
        long campaign = db.jdbi().withHandle(h -> h.createQuery(
                "INSERT INTO campaigns (name, mode) VALUES ('c', 'predictive') RETURNING id").mapTo(Long.class).one());
        long contact = db.jdbi().withHandle(h -> {
            ContactPartitions.ensure(h, campaign);
            return h.createQuery("INSERT INTO contacts (campaign_id, phone_e164) VALUES (:c, '+74951112233') RETURNING id")
                    .bind("c", campaign).mapTo(Long.class).one();
        });

        DncImportResult result = dnc.importCsv(file("""
                Имя;Телефон;Комментарий
                Иванов;8 (495) 111-22-33;просил не звонить
                Петров;;
                "Сидоров; мл.";+7 916 765-43-21;
                """, Charset.forName("windows-1251")), Optional.of(campaign), Optional.of("RU"));

        assertThat(result.added()).isEqualTo(2);
        assertThat(result.invalid()).containsExactly(new DncImportResult.InvalidLine(3, ""));
        assertThat(dnc.isBlocked(campaign, "+74951112233")).isTrue();
        assertThat(dnc.list(DncFilter.all(), 10, 0).items()).allMatch(e -> e.campaignId().equals(Optional.of(campaign)));
        String state = db.jdbi().withHandle(h -> h.createQuery("SELECT state FROM contacts WHERE id = :id")
                .bind("id", contact).mapTo(String.class).one());
        assertThat(state).isEqualTo("DNC");
    }

    @Test
    void readsUtf8WithABomAndAnEnglishHeader() {
        DncImportResult result = dnc().importCsv(file("\uFEFFname,Phone\r\nJohn,+1 212 555 0100\r\nMary,212 555 0101\r\n",
                StandardCharsets.UTF_8), Optional.empty(), Optional.empty());

        assertThat(result.added()).isEqualTo(1);
        assertThat(result.invalid()).containsExactly(new DncImportResult.InvalidLine(3, "212 555 0101"));
        assertThat(dnc().isBlocked(1, "+12125550100")).isTrue();
    }

    @Test
    void listsAtMostAThousandInvalidLinesButCountsThemAll() {
        String lines = IntStream.range(0, 1500).mapToObj(i -> "bad " + i).collect(Collectors.joining("\n"));

        DncImportResult result = dnc().importCsv(file(lines, StandardCharsets.UTF_8), Optional.empty(), Optional.empty());

        assertThat(result.invalidCount()).isEqualTo(1500);
        assertThat(result.invalid()).hasSize(DncImportResult.MAX_INVALID_LISTED);
        assertThat(result.invalid().get(999)).isEqualTo(new DncImportResult.InvalidLine(1000, "bad 999"));
    }

    @Test
    void addsLargeFilesInBatchesInOneTransaction() {
        String lines = IntStream.range(0, 2500).mapToObj(i -> String.format("+7916%07d", i))
                .collect(Collectors.joining("\n"));

        DncImportResult result = dnc().importCsv(file(lines, StandardCharsets.UTF_8), Optional.empty(), Optional.empty());

        assertThat(result.added()).isEqualTo(2500);
        assertThat(dnc().isBlocked(1, "+79160002499")).isTrue();
    }

    @Test
    void refusesAnUnknownCampaignOrRegion() {
        List<FieldError> errors = DncServiceTest.fieldsRefused(() -> dnc().importCsv(
                file("+74951234567", StandardCharsets.UTF_8), Optional.of(42L), Optional.of("Moscow")));

        assertThat(errors).extracting(FieldError::field).containsExactly("region", "campaignId");
    }
}
