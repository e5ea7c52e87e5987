package dialer.contact;

import java.util.function.Function;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * The tables that hold each campaign's contacts: {@code contacts} is partitioned by campaign, and a
 * campaign gets its own table when it receives its first contacts. A campaign's first list is loaded into
 * a new table that is indexed once, after the load, and then attached: several times faster than inserting
 * a million rows into live indexes, and, on a server with {@code wal_level=minimal}, without writing the
 * rows to the write-ahead log. Attaching takes no lock that stops readers or writers of other campaigns'
 * contacts. Every method runs in the caller's transaction; callers serialise intake into one campaign.
 */
public final class ContactPartitions {
    private ContactPartitions() {
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
     * Creates the campaign's table, fills it with what {@code insert} inserts into it, then attaches it,
     * which builds its indexes and checks its keys in one pass each.
     *
     * @param insert an {@code INSERT INTO <table> ...} statement prepared for the table's name, and bound
     * @return how many contacts it inserted
     * @throws IllegalStateException when the campaign has a table already
     */
    public static long load(Handle handle, long campaignId, Function<String, Update> insert) {
        if (exists(handle, campaignId)) {
            throw new IllegalStateException("Campaign " + campaignId + " has a table of contacts already");
        }
        handle.execute("CREATE TABLE " + table(campaignId) + " (LIKE contacts INCLUDING DEFAULTS)");
        long inserted = insert.apply(table(campaignId)).execute();
        handle.execute("SET LOCAL maintenance_work_mem = '256MB'");
        attach(handle, campaignId);
        return inserted;
    }

    /** Drops the campaign's table of contacts with the attempts on them, if it has one. */
    public static void drop(Handle handle, long campaignId) {
        if (exists(handle, campaignId)) {
            handle.execute("DELETE FROM attempts WHERE campaign_id = ?", campaignId);
            handle.execute("ALTER TABLE contacts DETACH PARTITION " + table(campaignId));
            handle.execute("DROP TABLE " + table(campaignId));
        }
    }

    private static void attach(Handle handle, long campaignId) {
        handle.execute("ALTER TABLE contacts ATTACH PARTITION " + table(campaignId) + " FOR VALUES IN (" + campaignId + ")");
    }

    /** The table's name: made of a number only, so it is safe to put in a statement. */
    private static String table(long campaignId) {
        return "contacts_campaign_" + campaignId;
    }
}
