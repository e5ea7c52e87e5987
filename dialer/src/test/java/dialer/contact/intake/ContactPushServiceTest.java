package dialer.contact.intake;

import static dialer.contact.intake.IntakeFixtures.campaign;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dialer.phone.PhoneNumbers;
import dialer.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ContactPushServiceTest {
    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private final ContactPushService push = new ContactPushService(DB.jdbi(), new RowNormalizer(new PhoneNumbers()));

    private static ContactFields contact(String externalId, String phone, String lastName) {
        return new ContactFields(List.of(phone), "Анна", lastName, externalId, null, "3", Map.of("tier", "gold"));
    }

    /** Every column of every contact of the campaign, as PostgreSQL prints the rows. */
    private static List<String> rowsAsText(long campaignId) {
        return DB.jdbi().withHandle(h -> h.createQuery("SELECT c::text FROM contacts c WHERE campaign_id = :c ORDER BY id")
                .bind("c", campaignId).mapTo(String.class).list());
    }

    private static Map<String, Object> onlyContact(long campaignId) {
        return DB.jdbi().withHandle(h -> h.createQuery("SELECT * FROM contacts WHERE campaign_id = :c")
                .bind("c", campaignId).mapToMap().one());
    }

    @Test
    void pushingTheSameBatchTwiceChangesNothing() {
        IntakeTarget target = campaign(DB.jdbi(), "crm", "RU", "Europe/Moscow");
        List<ContactFields> batch = List.of(
                contact("A-1", "+7 495 111-22-33", "Орлова"),
                contact("A-2", "8 916 222 33 44", "Волкова"),
                contact("A-3", "12345", "Зайцева"),
                contact("A-4", "+74951112233", "Лисина"),
                contact(null, "+7 495 999-88-77", "Без ключа"),
                contact("A-1", "+7 495 555-66-77", "Орлова"));

        List<PushResult> first = push.push(target, batch);
        List<String> afterFirst = rowsAsText(target.campaignId());
        List<PushResult> second = push.push(target, batch);

        assertThat(rowsAsText(target.campaignId())).isEqualTo(afterFirst).hasSize(2);
        assertThat(second).isEqualTo(first);
        assertThat(first).extracting(result -> result.reject().map(RejectReason::code).orElse("accepted"))
                .containsExactly("accepted", "accepted", "invalid_number", "duplicate", "malformed_row", "duplicate");
        assertThat(first.get(0).contactId()).isPresent();
    }

    @Test
    void aChangedContactIsUpdatedInPlace() {
        IntakeTarget target = campaign(DB.jdbi(), "crm-update", "RU", "Europe/Moscow");
        long id = push.push(target, List.of(contact("B-1", "+7 495 111-22-34", "Старая"))).get(0).contactId().orElseThrow();

        List<PushResult> results = push.push(target, List.of(contact("B-1", "+7 383 212-34-56", "Новая")));

        assertThat(results.get(0).contactId()).contains(id);
        Map<String, Object> row = onlyContact(target.campaignId());
        assertThat(row).containsEntry("phone_e164", "+73832123456").containsEntry("last_name", "Новая")
                .containsEntry("time_zone", "Asia/Novosibirsk");
    }

    @Test
    void alternateNumbersOnTheDoNotCallListAreDropped() {
        IntakeTarget target = campaign(DB.jdbi(), "crm-alt-dnc", "RU", "Europe/Moscow");
        DB.jdbi().useHandle(h -> h.execute("INSERT INTO dnc_entries (phone_e164) VALUES ('+79161112233')"));

        push.push(target, List.of(new ContactFields(List.of("+7 495 765-43-21", "+7 916 111-22-33", "+7 916 111-22-34"),
                null, "Альтова", "D-1", null, null, Map.of())));

        assertThat(onlyContact(target.campaignId()).get("alt_phones").toString()).isEqualTo("{+79161112234}");
    }

    @Test
    void doNotCallNumbersAreRefused() {
        IntakeTarget target = campaign(DB.jdbi(), "crm-dnc", "RU", "Europe/Moscow");
        DB.jdbi().useHandle(h -> h.execute("INSERT INTO dnc_entries (phone_e164, kind) VALUES ('+7812', 'prefix')"));

        List<PushResult> results = push.push(target, List.of(contact("C-1", "+7 812 123-45-67", "Питерская"),
                contact("C-2", "+7 495 123-45-60", "Московская")));

        assertThat(results.get(0).reject()).contains(RejectReason.DNC);
        assertThat(results.get(0).detail()).contains("on the do-not-call list: +7812*");
        assertThat(results.get(1).accepted()).isTrue();
        assertThat(rowsAsText(target.campaignId())).hasSize(1);
    }
}
