package dialer.dnc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import dialer.contact.ContactPartitions;
import dialer.phone.PhoneNumbers;
import dialer.testing.TestDatabase;
import dialer.validation.FieldError;
import dialer.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DncServiceTest {
    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private DncService dnc() {
        return new DncService(db.jdbi(), new PhoneNumbers());
    }

    private long campaign(String name) {
        return db.jdbi().withHandle(h -> h.createQuery(
                "INSERT INTO campaigns (name, mode) VALUES (:name, 'predictive') RETURNING id")
                .bind("name", name).mapTo(Long.class).one());
    }

    private long contact(long campaignId, String e164, String state) {
        return db.jdbi().withHandle(h -> {
            ContactPartitions.ensure(h, campaignId);
            return h.createQuery("INSERT INTO contacts (campaign_id, phone_e164, state) VALUES (:c, :p, :s) RETURNING id")
                    .bind("c", campaignId).bind("p", e164).bind("s", state).mapTo(Long.class).one();
        });
    }

    private String state(long contactId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT state FROM contacts WHERE id = :id")
                .bind("id", contactId).mapTo(String.class).one());
    }

    @Test
    void addsNumbersAsPeopleWriteThemAndPrefixesEndingInAStar() {
        DncService dnc = dnc();

        DncAddition number = dnc.add("8 (495) 123-45-67", Optional.empty(), Optional.of("ru"), "manual");
        DncAddition prefix = dnc.add(" +7 (812)* ", Optional.empty(), Optional.empty(), "manual");

        assertThat(number.created()).isTrue();
        assertThat(number.entry().target()).isEqualTo(DncTarget.number("+74951234567"));
        assertThat(number.entry().campaignId()).isEmpty();
        assertThat(number.entry().source()).isEqualTo("manual");
        assertThat(prefix.entry().target()).isEqualTo(DncTarget.prefix("+7812"));
        assertThat(prefix.entry().target().written()).isEqualTo("+7812*");
    }

    @Test
    void addingAnExistingEntryReturnsIt() {
        DncService dnc = dnc();
        long campaign = campaign("c");
        DncAddition first = dnc.add("+74951234567", Optional.of(campaign), Optional.empty(), "manual");

        DncAddition again = dnc.add("+7 495 123 45 67", Optional.of(campaign), Optional.empty(), "other");

        assertThat(again.created()).isFalse();
        assertThat(again.entry()).isEqualTo(first.entry());
        assertThat(dnc.add("+74951234567", Optional.empty(), Optional.empty(), "manual").created()).isTrue();
        assertThat(dnc.add("+74951234567*", Optional.of(campaign), Optional.empty(), "manual").created()).isTrue();
    }

    @Test
    void namesWhatIsWrongWithARequest() {
        DncService dnc = dnc();

        assertThat(fieldsRefused(() -> dnc.add("84951234567", Optional.empty(), Optional.empty(), "manual")))
                .extracting(FieldError::message).containsExactly(
                        "'84951234567' must be in international form (+74951234567), or the request must name a region");
        assertThat(fieldsRefused(() -> dnc.add("+7 12", Optional.empty(), Optional.empty(), "manual")))
                .extracting(FieldError::field).containsExactly("number");
        assertThat(fieldsRefused(() -> dnc.add("+0495*", Optional.empty(), Optional.empty(), "manual")))
                .extracting(FieldError::message).allMatch(message -> message.contains("is not a prefix"));
        assertThat(fieldsRefused(() -> dnc.add("+123456789012345*", Optional.empty(), Optional.empty(), "manual")))
                .extracting(FieldError::field).containsExactly("number");
        assertThat(fieldsRefused(() -> dnc.add(null, Optional.of(999L), Optional.of("XX"), "manual")))
                .extracting(FieldError::field).containsExactly("region", "campaignId");
        assertThat(fieldsRefused(() -> dnc.check("+7495*", Optional.empty(), Optional.empty())))
                .extracting(FieldError::message).containsExactly("must be a number, not a prefix");
        assertThatThrownBy(() -> dnc.isBlocked(1, "84951234567")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blocksByNumberOrPrefixGloballyOrInOneCampaign() {
        DncService dnc = dnc();
        long listed = campaign("listed");
        long other = campaign("other");
        dnc.add("+74951234567", Optional.empty(), Optional.empty(), "manual");
        dnc.add("+7812*", Optional.empty(), Optional.empty(), "manual");
        dnc.add("+79161234567", Optional.of(listed), Optional.empty(), "manual");
        dnc.add("+7343*", Optional.of(listed), Optional.empty(), "manual");

        record Case(String number, boolean inListed, boolean inOther) {
        }
        for (Case c : new Case[] {
                new Case("+74951234567", true, true),    // global number
                new Case("+74951234568", false, false),  // its neighbour
                new Case("+749512345670", false, false), // a number is not a prefix
                new Case("+78121234567", true, true),    // global prefix
                new Case("+7812", true, true),           // the prefix itself
                new Case("+7813", false, false),
                new Case("+79161234567", true, false),   // campaign number
                new Case("+73431234567", true, false),   // campaign prefix
        }) {
            assertThat(dnc.isBlocked(listed, c.number())).as(c.number() + " in listed").isEqualTo(c.inListed());
            assertThat(dnc.isBlocked(other, c.number())).as(c.number() + " in other").isEqualTo(c.inOther());
        }
        assertThat(dnc.check("8 916 123-45-67", Optional.of(listed), Optional.of("RU"))).isTrue();
        assertThat(dnc.check("8 916 123-45-67", Optional.empty(), Optional.of("RU"))).isFalse();
        assertThat(dnc.check("8 812 123-45-67", Optional.empty(), Optional.of("RU"))).isTrue();
    }

    @Test
    void addingMarksTheReadyContactsItBlocksAndRemovingReleasesThem() {
        DncService dnc = dnc();
        long first = campaign("first");
        long second = campaign("second");
        long ready = contact(first, "+74951234567", "READY");
        long readyElsewhere = contact(second, "+74951234567", "READY");
        long done = contact(first, "+74957654321", "DONE");
        long neighbour = contact(first, "+74951234568", "READY");

        DncEntry global = dnc.add("+74951234567", Optional.empty(), Optional.empty(), "manual").entry();
        dnc.add("+7495765*", Optional.empty(), Optional.empty(), "manual");

        assertThat(state(ready)).isEqualTo("DNC");
        assertThat(state(readyElsewhere)).isEqualTo("DNC");
        assertThat(state(done)).isEqualTo("DONE");
        assertThat(state(neighbour)).isEqualTo("READY");

        DncEntry campaignPrefix = dnc.add("+7495*", Optional.of(first), Optional.empty(), "manual").entry();
        assertThat(state(neighbour)).isEqualTo("DNC");

        assertThat(dnc.remove(global.id())).contains(global);
        assertThat(state(ready)).as("still blocked by the campaign's prefix").isEqualTo("DNC");
        assertThat(state(readyElsewhere)).isEqualTo("READY");

        dnc.remove(campaignPrefix.id());
        assertThat(state(ready)).isEqualTo("READY");
        assertThat(state(neighbour)).isEqualTo("READY");
        assertThat(state(done)).isEqualTo("DONE");
        assertThat(dnc.remove(campaignPrefix.id())).isEmpty();
    }

    @Test
    void listsPageByPageWithFilters() {
        DncService dnc = dnc();
        long campaign = campaign("c");
        for (int i = 0; i < 5; i++) {
            dnc.add("+7495123456" + i, Optional.empty(), Optional.empty(), "manual");
        }
        dnc.add("+7495*", Optional.of(campaign), Optional.empty(), "manual");

        DncPage first = dnc.list(DncFilter.all(), 4, 0);
        DncPage second = dnc.list(DncFilter.all(), 4, first.next().orElseThrow());

        assertThat(first.items()).hasSize(4);
        assertThat(second.items()).hasSize(2);
        assertThat(second.next()).isEmpty();
        assertThat(second.items().get(0).id()).isGreaterThan(first.items().get(3).id());
        assertThat(dnc.list(new DncFilter(Optional.of(campaign), Optional.empty()), 10, 0).items())
                .extracting(entry -> entry.target().written()).containsExactly("+7495*");
        assertThat(dnc.list(new DncFilter(Optional.empty(), Optional.of(DncKind.NUMBER)), 10, 0).items()).hasSize(5);
        assertThat(fieldsRefused(() -> dnc.list(DncFilter.all(), 0, -1)))
                .extracting(FieldError::field).containsExactly("limit", "after");
    }

    static List<FieldError> fieldsRefused(Runnable call) {
        try {
            call.run();
        } catch (InvalidInputException e) {
            return e.errors();
        }
        throw new AssertionError("expected an InvalidInputException");
    }
}
