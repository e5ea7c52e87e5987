package dialer.contact;

import static org.assertj.core.api.Assertions.assertThat;

import dialer.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ContactPartitionsTest {
    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    /** A stop between deleting a campaign and dropping its table leaves the table; the next start drops it. */
    @Test
    void tablesOfCampaignsDeletedBeforeTheirTableWasDroppedAreDroppedAtStart() {
        long deleted = campaign("deleted");
        long kept = campaign("kept");
        db.jdbi().useHandle(h -> {
            ContactPartitions.ensure(h, deleted);
            ContactPartitions.ensure(h, kept);
            h.execute("INSERT INTO contacts (campaign_id, phone_e164) VALUES (?, '+74951234567')", kept);
            h.execute("DELETE FROM campaigns WHERE id = ?", deleted);
        });

        assertThat(ContactPartitions.dropOrphans(db.jdbi())).isEqualTo(1);

        assertThat(exists(deleted)).isFalse();
        assertThat(exists(kept)).isTrue();
        assertThat(ContactPartitions.dropOrphans(db.jdbi())).isZero();
    }

    private boolean exists(long campaignId) {
        return db.jdbi().withHandle(h -> ContactPartitions.exists(h, campaignId));
    }

    private long campaign(String name) {
        return db.jdbi().withHandle(h -> h.createQuery("INSERT INTO campaigns (name, mode) VALUES (:n, 'preview') RETURNING id")
                .bind("n", name).mapTo(Long.class).one());
    }
}
