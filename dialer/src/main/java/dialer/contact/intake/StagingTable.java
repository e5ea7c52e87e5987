package dialer.contact.intake;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import dialer.contact.ContactPartitions;
import org.jdbi.v3.core.Handle;

/**
 * A temporary table, private to one transaction, that receives contacts by COPY and is then screened
 * and moved into {@code contacts} by set-based SQL: duplicates within the batch (the later line loses),
 * numbers already in the campaign, and do-not-call entries (global or the campaign's, exact or prefix).
 */
final class StagingTable implements AutoCloseable {
    private static final int FLUSH_BYTES = 1 << 16;

    /** How screened rows will be stored. */
    enum Mode { INSERT, UPSERT }

    private final Handle handle;
    private final CopyStream copy;
    private final CopyRows encoder;
    private final ByteSink buffer = new ByteSink(FLUSH_BYTES + 4096);

    private StagingTable(Handle handle, CopyStream copy, CopyRows encoder) {
        this.handle = handle;
        this.copy = copy;
        this.encoder = encoder;
    }

    /** Creates the table in {@code handle}'s transaction and opens a COPY into it, for about {@code expectedRows} rows. */
    static StagingTable open(Handle handle, long expectedRows) {
        handle.execute("SET LOCAL work_mem = '128MB'");
        handle.execute("CREATE TEMP TABLE intake_staging ("
                + "line bigint NOT NULL, phone text, alt_phones text[] NOT NULL, time_zone text, first_name text, "
                + "last_name text, external_id text, priority integer, custom jsonb NOT NULL, fields text NOT NULL, "
                + "reject text, detail text, phone_seen boolean NOT NULL, external_id_seen boolean NOT NULL) ON COMMIT DROP");
        return new StagingTable(handle, CopyStream.open(handle, "intake_staging", ""), new CopyRows(expectedRows));
    }

    /** Turns rows into the COPY data that {@link #write} takes. */
    CopyRows encoder() {
        return encoder;
    }

    /** Writes rows already encoded by {@link #encoder()}, after any added one by one. */
    void write(ByteSink rows) {
        flush();
        copy.write(rows);
    }

    void add(IntakeRow row) {
        encoder.append(buffer, row);
        if (buffer.size() >= FLUSH_BYTES) {
            flush();
        }
    }

    /**
     * Ends the COPY; then marks duplicates and do-not-call numbers, and drops alternate numbers that are
     * on the do-not-call list (the contact stays, reachable on its other numbers). From here to the end of the
     * transaction, the campaign's intake is held ({@link IntakeLocks}).
     *
     * @param mode whether rows are new contacts ({@link Mode#INSERT}: a stored contact with the same number or
     *             external id refuses the row) or updates by external id ({@link Mode#UPSERT}: only another
     *             contact with the same number refuses it)
     * @throws CampaignDeletedException when the campaign is gone
     */
    void screen(long campaignId, Mode mode) {
        flush();
        copy.end();
        IntakeLocks.hold(handle, campaignId);
        // built once after the load; the rows are stored in line order, which the insert then reads them in
        handle.execute("CREATE INDEX ON intake_staging (line)");
        handle.execute("ANALYZE intake_staging (line, phone, alt_phones, external_id, reject, phone_seen, external_id_seen)");
        // a key that comes twice is marked seen in at least one of its rows: only those keys are looked at
        handle.createUpdate("""
                UPDATE intake_staging s SET reject = 'duplicate', detail = 'same external id as line ' || d.first_line
                FROM (SELECT line, first_value(line) OVER (PARTITION BY external_id ORDER BY line) AS first_line
                      FROM intake_staging WHERE reject IS NULL
                        AND external_id IN (SELECT external_id FROM intake_staging WHERE external_id_seen)) d
                WHERE s.line = d.line AND d.line <> d.first_line""").execute();
        handle.createUpdate("""
                UPDATE intake_staging s SET reject = 'duplicate', detail = 'same number as line ' || d.first_line
                FROM (SELECT line, first_value(line) OVER (PARTITION BY phone ORDER BY line) AS first_line
                      FROM intake_staging WHERE reject IS NULL
                        AND phone IN (SELECT phone FROM intake_staging WHERE phone_seen)) d
                WHERE s.line = d.line AND d.line <> d.first_line""").execute();
        handle.createUpdate("""
                UPDATE intake_staging s SET reject = 'duplicate', detail = 'already in the campaign'
                FROM contacts c
                WHERE s.reject IS NULL AND c.campaign_id = :campaign AND c.phone_e164 = s.phone
                  AND (:insert OR s.external_id IS NULL OR c.external_id IS DISTINCT FROM s.external_id)""")
                .bind("campaign", campaignId).bind("insert", mode == Mode.INSERT).execute();
        if (mode == Mode.INSERT) {
            handle.createUpdate("""
                    UPDATE intake_staging s SET reject = 'duplicate', detail = 'external id already in the campaign'
                    FROM contacts c
                    WHERE s.reject IS NULL AND c.campaign_id = :campaign AND c.external_id = s.external_id""")
                    .bind("campaign", campaignId).execute();
        }
        handle.createUpdate("""
                UPDATE intake_staging s SET reject = 'dnc', detail = 'on the do-not-call list'
                FROM dnc_entries d
                WHERE s.reject IS NULL AND (d.campaign_id IS NULL OR d.campaign_id = :campaign)
                  AND d.kind = 'number' AND d.phone_e164 = s.phone""")
                .bind("campaign", campaignId).execute();
        handle.createUpdate("""
                UPDATE intake_staging s SET reject = 'dnc', detail = 'on the do-not-call list: ' || (
                    SELECT d.phone_e164 FROM dnc_entries d
                    WHERE (d.campaign_id IS NULL OR d.campaign_id = :campaign) AND d.kind = 'prefix'
                      AND s.phone LIKE d.phone_e164 || '%'
                    ORDER BY length(d.phone_e164) DESC LIMIT 1) || '*'
                WHERE s.reject IS NULL AND EXISTS (SELECT 1 FROM dnc_entries d
                    WHERE (d.campaign_id IS NULL OR d.campaign_id = :campaign) AND d.kind = 'prefix'
                      AND s.phone LIKE d.phone_e164 || '%')""")
                .bind("campaign", campaignId).execute();
        handle.createUpdate("""
                UPDATE intake_staging s SET alt_phones = ARRAY(
                    SELECT alt FROM unnest(s.alt_phones) AS alt
                    WHERE NOT EXISTS (SELECT 1 FROM dnc_entries d
                                      WHERE (d.campaign_id IS NULL OR d.campaign_id = :campaign)
                                        AND ((d.kind = 'number' AND d.phone_e164 = alt)
                                             OR (d.kind = 'prefix' AND alt LIKE d.phone_e164 || '%'))))
                WHERE s.reject IS NULL AND cardinality(s.alt_phones) > 0""")
                .bind("campaign", campaignId).execute();
    }

    /**
     * Inserts every unrefused row as a new contact of the campaign, in file order (ids follow lines); returns
     * how many. A campaign's first contacts fill a new table of its own (see {@link ContactPartitions}).
     */
    long insertAccepted(long campaignId, long importId) {
        String insert = """
                INSERT INTO %s (campaign_id, phone_e164, alt_phones, time_zone, first_name, last_name,
                                external_id, priority, custom_fields, import_id)
                SELECT :campaign, phone, alt_phones, time_zone, first_name, last_name, external_id,
                       coalesce(priority, 0), custom, :import
                FROM intake_staging WHERE reject IS NULL ORDER BY line""";
        if (ContactPartitions.exists(handle, campaignId)) {
            return handle.createUpdate(insert.formatted("contacts"))
                    .bind("campaign", campaignId).bind("import", importId).execute();
        }
        return ContactPartitions.load(handle, campaignId, table -> handle.createUpdate(insert.formatted(table))
                .bind("campaign", campaignId).bind("import", importId).execute());
    }

    /**
     * Inserts or updates every unrefused row by its external id; a row equal to the stored contact leaves
     * it untouched (not even {@code updated_at}). Rows reach here with an external id.
     */
    void upsertAccepted(long campaignId) {
        ContactPartitions.ensure(handle, campaignId);
        handle.createUpdate("""
                INSERT INTO contacts (campaign_id, phone_e164, alt_phones, time_zone, first_name, last_name,
                                      external_id, priority, custom_fields)
                SELECT :campaign, phone, alt_phones, time_zone, first_name, last_name, external_id,
                       coalesce(priority, 0), custom
                FROM intake_staging WHERE reject IS NULL ORDER BY line
                ON CONFLICT (campaign_id, external_id) WHERE external_id IS NOT NULL DO UPDATE SET
                    phone_e164 = EXCLUDED.phone_e164, alt_phones = EXCLUDED.alt_phones, time_zone = EXCLUDED.time_zone,
                    first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name, priority = EXCLUDED.priority,
                    custom_fields = EXCLUDED.custom_fields, updated_at = now()
                WHERE (contacts.phone_e164, contacts.alt_phones, contacts.time_zone, contacts.first_name,
                       contacts.last_name, contacts.priority, contacts.custom_fields)
                      IS DISTINCT FROM (EXCLUDED.phone_e164, EXCLUDED.alt_phones, EXCLUDED.time_zone,
                       EXCLUDED.first_name, EXCLUDED.last_name, EXCLUDED.priority, EXCLUDED.custom_fields)""")
                .bind("campaign", campaignId).execute();
    }

    /** The stored contact of each unrefused row, by line. */
    Map<Long, Long> acceptedContactIds(long campaignId) {
        Map<Long, Long> ids = new java.util.HashMap<>();
        handle.createQuery("""
                SELECT s.line, c.id FROM intake_staging s
                JOIN contacts c ON c.campaign_id = :campaign AND c.external_id = s.external_id
                WHERE s.reject IS NULL""")
                .bind("campaign", campaignId)
                .map((rs, ctx) -> Map.entry(rs.getLong("line"), rs.getLong("id")))
                .forEach(entry -> ids.put(entry.getKey(), entry.getValue()));
        return ids;
    }

    /** Every refused row, by line. */
    Map<Long, Rejection> rejections() {
        Map<Long, Rejection> rejections = new java.util.HashMap<>();
        handle.createQuery("SELECT line, reject, detail FROM intake_staging WHERE reject IS NOT NULL")
                .map((rs, ctx) -> Map.entry(rs.getLong("line"), new Rejection(reason(rs.getString("reject")),
                        rs.getString("detail"))))
                .forEach(entry -> rejections.put(entry.getKey(), entry.getValue()));
        return rejections;
    }

    /** Why a staged row was refused. */
    record Rejection(RejectReason reason, String detail) {
    }

    private static RejectReason reason(String code) {
        return RejectReason.valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** Keeps the refused rows of an import, with their line and reason; returns how many for each reason. */
    Map<RejectReason, Long> saveRejects(long importId) {
        Map<RejectReason, Long> counts = new EnumMap<>(RejectReason.class);
        handle.createQuery("""
                WITH saved AS (
                    INSERT INTO import_rejects (import_id, line, reason, detail, fields)
                    SELECT :import, line, reject, detail, fields::jsonb FROM intake_staging WHERE reject IS NOT NULL
                    RETURNING reason)
                SELECT reason, count(*) AS n FROM saved GROUP BY reason""")
                .bind("import", importId)
                .map((rs, ctx) -> Map.entry(reason(rs.getString("reason")), rs.getLong("n")))
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    private void flush() {
        if (buffer.size() > 0) {
            copy.write(buffer);
            buffer.clear();
        }
    }

    /** Abandons an unfinished COPY; the transaction's rollback drops the table. */
    @Override
    public void close() {
        copy.close();
    }
}
