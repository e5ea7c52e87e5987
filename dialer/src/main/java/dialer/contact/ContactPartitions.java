package dialer.contact;

import java.util.List;
import java.util.function.ToLongFunction;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tables that hold each campaign's contacts: {@code contacts} is partitioned by campaign, and a
 * campaign gets its own table when it receives its first contacts. A campaign's first list is loaded into
 * a new table that is indexed once, after the load, and then attached: several times faster than inserting
 * a million rows into live indexes, and, on a server with {@code wal_level=minimal}, without writing the
 * rows to the write-ahead log. Attaching locks only {@code contacts} against other attaching and detaching:
 * reading and writing contacts, attempts and campaigns go on meanwhile. Writers of a campaign's contacts
 * take {@link #lockIntake} first, in their transaction.
 */
public final class ContactPartitions {
    private static final Logger LOG = LoggerFactory.getLogger(ContactPartitions.class);
    /** First key of the advisory lock that serialises intake into one campaign. */
    private static final int INTAKE_LOCK_NAMESPACE = 0x1A7A4E;
    private static final String TABLE_PREFIX = "contacts_campaign_";
    /** Rows of a campaign's table changed (updated or deleted) since its last vacuum that start the next one. */
    private static final int VACUUM_EVERY = 10_000;

    private ContactPartitions() {
    }

    /**
     * Waits until no other transaction writes contacts into the campaign, or creates or drops its table,
     * and keeps it so until this transaction ends.
     */
    public static void lockIntake(Handle handle, long campaignId) {
        handle.execute("SELECT pg_advisory_xact_lock(?, CAST(? AS integer))", INTAKE_LOCK_NAMESPACE, campaignId);
    }

    /** Whether the campaign has its table of contacts. */
    public static boolean exists(Handle handle, long campaignId) {
        return handle.createQuery("SELECT to_regclass(:table) IS NOT NULL")
                .bind("table", table(campaignId)).mapTo(Boolean.class).one();
    }

    /** Gives the campaign an empty table of contacts, unless it has one. */
    public static void ensure(Handle handle, long campaignId) {
        if (!exists(handle, campaignId)) {
            handle.execute("CREATE TABLE " + table(campaignId) + " (LIKE contacts INCLUDING DEFAULTS)");
            attach(handle, campaignId);
        }
    }

    /**
     * Creates the campaign's table, fills it with what {@code fill} puts into it, then attaches it, which
     * builds its indexes and checks its keys in one pass each, and gathers its statistics, so that the
     * queries that follow (the dialler's, the next list's screening) are planned for what it holds.
     *
     * @param fill writes the contacts into the table it is given the name of, in this transaction, and
     *             returns how many
     * @return how many contacts it wrote; fails, as creating the table does, when the campaign has one
     */
    public static long load(Handle handle, long campaignId, ToLongFunction<String> fill) {
        handle.execute("CREATE TABLE " + table(campaignId) + " (LIKE contacts INCLUDING DEFAULTS)");
        long inserted = fill.applyAsLong(table(campaignId));
        handle.execute("SET LOCAL maintenance_work_mem = '256MB'");
        attach(handle, campaignId);
        // a sample of 3,000 rows is plenty for planning the queries on one campaign's contacts
        handle.execute("SET LOCAL default_statistics_target = 10");
        handle.execute("ANALYZE " + table(campaignId));
        return inserted;
    }

    /**
     * Gives the campaign's table, creating it empty when missing, the indexes the dialler reads it by: the
     * lease order of {@code READY} contacts within each time zone, with all the lease reads of them, the
     * callback's time and owner included (it reads the best of each open zone from the index alone, so that
     * contacts in closed zones cost it nothing however many they are), and the times {@code RETRY} and {@code CALLBACK} contacts wait for. They belong
     * to that table alone, not to {@code contacts}, so that loading a list into a campaign that has never run
     * builds none of them. Each contact a lease takes leaves a dead entry at the head of its zone in the lease
     * index, which every later lease of that zone steps over until a vacuum removes it; so the table is
     * vacuumed after every 10,000 changed rows, not after a fifth of its rows as by default (a vacuum of
     * 40,000 changes on a table of 10 million contacts took a second). Call when the campaign starts, in the
     * transaction that starts it.
     */
    public static void ensureDialIndexes(Handle handle, long campaignId) {
        ensure(handle, campaignId);
        String table = table(campaignId);
        // earlier lease indexes: without the time zone (a lease scanned it past every contact of a closed
        // zone), then without the callback's owner (a lease read the table to skip callbacks of absent agents)
        handle.execute("DROP INDEX IF EXISTS " + table + "_lease");
        handle.execute("DROP INDEX IF EXISTS " + table + "_lease_by_zone");
        handle.execute("CREATE INDEX IF NOT EXISTS " + table + "_ready_by_zone ON " + table
                + " (time_zone, (callback_at IS NULL), priority DESC, next_attempt_at NULLS FIRST, id)"
                + " INCLUDE (callback_at, callback_owner) WHERE state = 'READY'");
        handle.execute("CREATE INDEX IF NOT EXISTS " + table + "_retry ON " + table + " (next_attempt_at) WHERE state = 'RETRY'");
        handle.execute("CREATE INDEX IF NOT EXISTS " + table + "_callback ON " + table + " (callback_at) WHERE state = 'CALLBACK'");
        handle.execute("ALTER TABLE " + table + " SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = "
                + VACUUM_EVERY + ")");
    }

    /**
     * Detaches and drops the table of a campaign whose contacts are gone, if it has one. Runs outside any
     * transaction (PostgreSQL detaches concurrently in two of its own), so that no reader of other
     * campaigns' contacts waits; a detach that a stop interrupted is finished.
     */
    public static void drop(Jdbi jdbi, long campaignId) {
        jdbi.useHandle(handle -> {
            if (!exists(handle, campaignId)) {
                return;
            }
            handle.createQuery("SELECT inhdetachpending FROM pg_inherits WHERE inhrelid = to_regclass(:table)")
                    .bind("table", table(campaignId)).mapTo(Boolean.class).findOne()
                    .ifPresent(pending -> handle.execute("ALTER TABLE contacts DETACH PARTITION " + table(campaignId)
                            + (pending ? " FINALIZE" : " CONCURRENTLY")));
            handle.execute("DROP TABLE " + table(campaignId));
        });
    }

    /**
     * Drops the tables of campaigns deleted while the appliance stopped before it could drop them (their
     * contacts went with the campaign). Call once at start.
     *
     * @return how many were dropped
     */
    public static int dropOrphans(Jdbi jdbi) {
        List<Long> orphans = jdbi.withHandle(handle -> handle.createQuery("""
                SELECT campaign_id FROM (
                    SELECT substring(relname FROM length(:prefix) + 1)::bigint AS campaign_id FROM pg_class
                    WHERE relkind = 'r' AND relname ~ ('^' || :prefix || '[0-9]+$')) t
                WHERE NOT EXISTS (SELECT 1 FROM campaigns WHERE id = t.campaign_id)""")
                .bind("prefix", TABLE_PREFIX).mapTo(Long.class).list());
        for (long campaignId : orphans) {
            drop(jdbi, campaignId);
            LOG.info("Dropped the table of contacts of deleted campaign {}", campaignId);
        }
        return orphans.size();
    }

    private static void attach(Handle handle, long campaignId) {
        handle.execute("ALTER TABLE contacts ATTACH PARTITION " + table(campaignId) + " FOR VALUES IN (" + campaignId + ")");
    }

    /** The name of the campaign's table: made of a number only, so it is safe to put in a statement. */
    public static String table(long campaignId) {
        return TABLE_PREFIX + campaignId;
    }
}
