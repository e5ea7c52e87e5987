package dialer.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dialer.contact.ContactPartitions;
import dialer.testing.TestDatabase;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.generic.GenericType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The lease query on a real campaign table with its dial indexes: its order, its locks, its compliance checks. */
class ContactLeaserTest {
    private static final Instant NOW = Instant.parse("2026-11-24T07:00:00Z");
    private static final String[] OPEN = {"Europe/Moscow", "Europe/Samara"};

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private final ContactLeaser leaser = new ContactLeaser();
    private long campaignId;

    @BeforeEach
    void campaignWithDialIndexes() {
        campaignId = db.jdbi().withHandle(h -> h.createQuery(
                "INSERT INTO campaigns (name, mode) VALUES ('leases', 'predictive') RETURNING id").mapTo(Long.class).one());
        db.jdbi().useTransaction(h -> ContactPartitions.ensureDialIndexes(h, campaignId));
    }

    @Test
    void dueCallbacksComeFirstThenPriorityThenTheLongestWaitingAndOnlyReadyContactsOfOpenZones() {
        long callbackLowPriority = contact("Europe/Moscow", 0, NOW.minus(Duration.ofHours(1)), null);
        long callbackHighPriority = contact("Europe/Samara", 2, NOW.minus(Duration.ofMinutes(5)), null);
        long priorityFiveNeverTried = contact("Europe/Moscow", 5, null, null);
        long priorityFiveWaitingLonger = contact("Europe/Samara", 5, null, NOW.minus(Duration.ofDays(2)));
        long priorityFiveWaitingLess = contact("Europe/Moscow", 5, null, NOW.minus(Duration.ofDays(1)));
        long priorityOne = contact("Europe/Samara", 1, null, null);
        long priorityZeroFirst = contact("Europe/Moscow", 0, null, null);
        long priorityZeroSecond = contact("Europe/Samara", 0, null, null);
        contact("Asia/Vladivostok", 9, NOW.minus(Duration.ofHours(1)), null);
        long retrying = contact("Europe/Moscow", 9, null, null);
        set(retrying, "state = 'RETRY'");

        List<LeasedContact> first = lease(3);
        List<LeasedContact> second = lease(10);

        assertThat(ids(first)).containsExactly(callbackHighPriority, callbackLowPriority, priorityFiveNeverTried);
        assertThat(ids(second)).containsExactly(priorityFiveWaitingLonger, priorityFiveWaitingLess, priorityOne,
                priorityZeroFirst, priorityZeroSecond);
        assertThat(lease(10)).isEmpty();
        assertThat(first.get(0).attemptNo()).isEqualTo(1);
        assertThat(count("""
                SELECT count(*) FROM contacts c JOIN attempts a ON a.contact_id = c.id AND a.ended_at IS NULL
                WHERE c.state = 'DIALING' AND c.callback_at IS NULL AND a.state = 'DIALING' AND a.node_id = 'node-1'""")).isEqualTo(8);
    }

    /**
     * The first cut scanned the lease order past every contact of a closed zone that came before the first
     * of an open one: past a million of them, every tick, in a big campaign before Moscow's calling hours.
     */
    @Test
    void aLeaseReadsNoContactOfAClosedZone() {
        db.jdbi().useHandle(h -> {
            h.execute("""
                    INSERT INTO contacts (campaign_id, phone_e164, time_zone, priority)
                    SELECT ?, '+7495' || lpad(i::text, 7, '0'), 'Asia/Vladivostok', 5 FROM generate_series(1, 20000) AS i""",
                    campaignId);
            h.execute("ANALYZE contacts");
        });
        long open = contact("Europe/Moscow", 0, null, null);

        int fetched = db.jdbi().inTransaction(h -> {
            assertThat(ids(leaser.lease(h, rules(5)))).containsExactly(open);
            return h.createQuery("SELECT seq_tup_read + idx_tup_fetch FROM pg_stat_xact_user_tables WHERE relname = :table")
                    .bind("table", "contacts_campaign_" + campaignId).mapTo(Integer.class).one();
        });

        assertThat(fetched).isLessThan(20);
    }

    /** Each contact leased leaves a dead entry at the head of its zone that later leases step over until a vacuum. */
    @Test
    void theCampaignsTableIsVacuumedEvery10000Changes() {
        String options = db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = :table")
                .bind("table", "contacts_campaign_" + campaignId).mapTo(String.class).one());

        assertThat(options).contains("autovacuum_vacuum_scale_factor=0", "autovacuum_vacuum_threshold=10000");
    }

    @Test
    void twoLeasesAtOnceNeverTakeTheSameContact() throws Exception {
        List<Long> contacts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            contacts.add(contact(i % 2 == 0 ? "Europe/Moscow" : "Europe/Samara", 10 - i, null, null));
        }

        try (Handle first = db.jdbi().open(); Handle second = db.jdbi().open()) {
            first.begin();
            second.begin();
            List<LeasedContact> firstLeased = leaser.lease(first, rules(4));
            List<LeasedContact> secondLeased = leaser.lease(second, rules(4));
            first.commit();
            second.commit();

            assertThat(ids(firstLeased)).containsExactlyElementsOf(contacts.subList(0, 4));
            assertThat(ids(secondLeased)).containsExactlyElementsOf(contacts.subList(4, 8));
        }
    }

    @Test
    void leasersRacingOverEveryContactTakeEachOnce() throws Exception {
        Set<Long> contacts = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            contacts.add(contact(i % 3 == 0 ? "Europe/Samara" : "Europe/Moscow", i % 4, null, null));
        }
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<List<Long>>> leasers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int batch = 1 + 2 * t;
                leasers.add(threads.submit(() -> {
                    List<Long> taken = new ArrayList<>();
                    while (ready() > 0) {
                        taken.addAll(ids(db.jdbi().withHandle(h -> leaser.lease(h, rules(batch)))));
                    }
                    return taken;
                }));
            }
            List<Long> taken = new ArrayList<>();
            for (Future<List<Long>> leased : leasers) {
                taken.addAll(leased.get());
            }

            assertThat(taken).hasSize(300).doesNotHaveDuplicates();
            assertThat(new HashSet<>(taken)).isEqualTo(contacts);
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void contactsTheRulesForbidNowArePassedOverMovedAsideAndCounted() {
        long listed = contact("Europe/Moscow", 5, null, null);
        long underPrefix = contact("Europe/Moscow", 5, null, null);
        long outOfAttempts = contact("Europe/Moscow", 5, null, null);
        long atThe30DayCap = contact("Europe/Moscow", 5, null, null);
        long abandonedYesterday = contact("Europe/Samara", 5, null, null);
        long callable = contact("Europe/Samara", 0, null, null);
        db.jdbi().useHandle(h -> {
            h.execute("INSERT INTO dnc_entries (phone_e164, kind) SELECT phone_e164, 'number' FROM contacts WHERE id = ?", listed);
            h.execute("UPDATE contacts SET phone_e164 = '+79995550101' WHERE id = ?", underPrefix);
            h.execute("INSERT INTO dnc_entries (phone_e164, campaign_id, kind) VALUES ('+7999555', ?, 'prefix')", campaignId);
        });
        set(outOfAttempts, "attempts_total = 10");
        Instant oldestOfLastFive = NOW.minus(Duration.ofDays(20));
        set(atThe30DayCap, "attempts_total = 6, recent_attempts = ARRAY[" + timestamps(NOW.minus(Duration.ofDays(40)),
                oldestOfLastFive, NOW.minus(Duration.ofDays(9)), NOW.minus(Duration.ofDays(8)),
                NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(1))) + "]::timestamptz[]");
        Instant abandonedAt = NOW.minus(Duration.ofHours(20));
        set(abandonedYesterday, "attempts_total = 1, abandoned_at = " + timestamps(abandonedAt) + "::timestamptz");

        assertThat(ids(lease(10))).containsExactly(callable);

        assertThat(state(listed)).isEqualTo("DNC");
        assertThat(state(underPrefix)).isEqualTo("DNC");
        assertThat(state(outOfAttempts)).isEqualTo("FAILED");
        assertThat(state(atThe30DayCap)).isEqualTo("RETRY");
        assertThat(nextAttempt(atThe30DayCap)).isEqualTo(oldestOfLastFive.plus(Duration.ofDays(30)));
        assertThat(state(abandonedYesterday)).isEqualTo("RETRY");
        assertThat(nextAttempt(abandonedYesterday)).isEqualTo(abandonedAt.plus(Duration.ofHours(72)));
        assertThat(skips()).isEqualTo(Map.of("dnc", 2L, "max_attempts", 1L, "max_attempts_30d", 1L, "abandoned_72h", 1L));
        assertThat(count("SELECT count(*) FROM attempts")).isEqualTo(1);

        long listedLater = contact("Europe/Moscow", 0, null, null);
        db.jdbi().useHandle(h -> h.execute(
                "INSERT INTO dnc_entries (phone_e164, campaign_id, kind) SELECT phone_e164, campaign_id, 'number' FROM contacts WHERE id = ?",
                listedLater));
        assertThat(lease(10)).isEmpty();
        assertThat(skips()).containsEntry("dnc", 3L);
    }

    private List<LeasedContact> lease(int limit) {
        return db.jdbi().withHandle(h -> leaser.lease(h, rules(limit)));
    }

    private LeaseRules rules(int limit) {
        return new LeaseRules(campaignId, NOW, limit, OPEN, 10, 5, true, "node-1", Duration.ofMinutes(1), new long[0],
                Duration.ofMinutes(30));
    }

    private long contact(String zone, int priority, Instant callbackAt, Instant nextAttemptAt) {
        return db.jdbi().withHandle(h -> h.createQuery("""
                        INSERT INTO contacts (campaign_id, phone_e164, time_zone, priority, callback_at, next_attempt_at)
                        VALUES (:c, '+7916' || lpad(nextval('contact_ids')::text, 7, '0'), :zone, :priority, :callback, :next)
                        RETURNING id""")
                .bind("c", campaignId).bind("zone", zone).bind("priority", priority)
                .bind("callback", utc(callbackAt)).bind("next", utc(nextAttemptAt)).mapTo(Long.class).one());
    }

    private void set(long contactId, String assignments) {
        db.jdbi().useHandle(h -> h.execute("UPDATE contacts SET " + assignments + " WHERE id = ?", contactId));
    }

    private int ready() {
        return count("SELECT count(*) FROM contacts WHERE state = 'READY'");
    }

    private int count(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private String state(long contactId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT state FROM contacts WHERE id = :id")
                .bind("id", contactId).mapTo(String.class).one());
    }

    private Instant nextAttempt(long contactId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT next_attempt_at FROM contacts WHERE id = :id")
                .bind("id", contactId).mapTo(OffsetDateTime.class).one()).toInstant();
    }

    private Map<String, Long> skips() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT reason, skipped FROM compliance_skips WHERE campaign_id = :c")
                .bind("c", campaignId).setMapKeyColumn("reason").setMapValueColumn("skipped")
                .collectInto(new GenericType<Map<String, Long>>() { }));
    }

    private static List<Long> ids(List<LeasedContact> leased) {
        return leased.stream().map(LeasedContact::contactId).toList();
    }

    private static String timestamps(Instant... times) {
        List<String> literals = new ArrayList<>();
        for (Instant time : times) {
            literals.add("'" + time + "'");
        }
        return String.join(", ", literals);
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
