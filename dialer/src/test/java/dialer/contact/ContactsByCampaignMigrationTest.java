package dialer.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dialer.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Migration V5 moves the contacts of an installed appliance into one table per campaign, losing nothing. */
class ContactsByCampaignMigrationTest {
    @RegisterExtension
    final TestDatabase db = TestDatabase.migratedTo("4");

    @Test
    void keepsEveryContactItsIdAndTheAttemptsOnIt() {
        long first = campaign("first");
        long second = campaign("second");
        long kept = db.jdbi().withHandle(h -> {
            h.execute("INSERT INTO contacts (campaign_id, phone_e164, external_id, state) VALUES (?, '+74951234567', 'a', 'READY'),"
                    + " (?, '+74951234568', NULL, 'DNC'), (?, '+74951234567', 'a', 'READY')", first, first, second);
            long contact = h.createQuery("SELECT id FROM contacts WHERE campaign_id = :c AND phone_e164 = '+74951234568'")
                    .bind("c", first).mapTo(Long.class).one();
            h.execute("INSERT INTO attempts (contact_id, campaign_id, phone_e164, state) VALUES (?, ?, '+74951234568', 'DIALING')",
                    contact, first);
            return contact;
        });
        List<Map<String, Object>> before = contacts();

        db.migrate();

        assertThat(contacts()).isEqualTo(before);
        boolean tablesMade = db.jdbi().withHandle(h -> ContactPartitions.exists(h, first) && ContactPartitions.exists(h, second));
        assertThat(tablesMade).isTrue();
        long newId = db.jdbi().withHandle(h -> h.createQuery(
                "INSERT INTO contacts (campaign_id, phone_e164) VALUES (:c, '+74951234569') RETURNING id")
                .bind("c", first).mapTo(Long.class).one());
        assertThat(newId).as("new ids come after the migrated ones").isGreaterThan(kept);
        long attempts = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM attempts WHERE contact_id = :id")
                .bind("id", kept).mapTo(Long.class).one());
        assertThat(attempts).isEqualTo(1);
    }

    private long campaign(String name) {
        return db.jdbi().withHandle(h -> h.createQuery("INSERT INTO campaigns (name, mode) VALUES (:n, 'preview') RETURNING id")
                .bind("n", name).mapTo(Long.class).one());
    }

    private List<Map<String, Object>> contacts() {
        return db.jdbi().withHandle(h -> h.createQuery(
                "SELECT id, campaign_id, phone_e164, external_id, state FROM contacts ORDER BY id").mapToMap().list());
    }
}
