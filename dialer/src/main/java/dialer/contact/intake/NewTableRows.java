package dialer.contact.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Converts rows into {@link ScreenedBatch}es of COPY data for a campaign's new table of contacts, screening
 * each against the do-not-call list on the way; what depends on the rows before it is left to
 * {@link InFileScreen}. Thread-safe.
 */
final class NewTableRows {
    /** The columns it writes, in order. */
    static final String COLUMNS = "campaign_id, phone_e164, alt_phones, time_zone, first_name, last_name, external_id, "
            + "priority, custom_fields, import_id";
    private static final int COLUMN_COUNT = 10;
    private static final int ROW_BYTES = 256;

    private final long campaignId;
    private final long importId;
    private final DncScreen dnc;
    private final Function<CsvContactReader.Row, IntakeRow> normalize;

    NewTableRows(long campaignId, long importId, DncScreen dnc, Function<CsvContactReader.Row, IntakeRow> normalize) {
        this.campaignId = campaignId;
        this.importId = importId;
        this.dnc = dnc;
        this.normalize = normalize;
    }

    ScreenedBatch convert(List<CsvContactReader.Row> rows) {
        ByteSink out = new ByteSink(rows.size() * ROW_BYTES);
        List<ScreenedBatch.Entry> entries = new ArrayList<>(rows.size());
        for (CsvContactReader.Row source : rows) {
            IntakeRow row = normalize.apply(source);
            if (row.reject() != null) {
                entries.add(new ScreenedBatch.Entry(source, row.reject(), row.detail(), 0, null, null, out.size()));
                continue;
            }
            long phone = PhoneKeys.of(row.phone());
            byte[] externalId = BinaryCopy.utf8(row.externalId());
            BinaryCopy.row(out, COLUMN_COUNT);
            BinaryCopy.int8(out, campaignId);
            BinaryCopy.text(out, row.phone());
            BinaryCopy.textArray(out, dnc.callable(row.altPhones()));
            BinaryCopy.text(out, row.timeZone());
            BinaryCopy.text(out, row.firstName());
            BinaryCopy.text(out, row.lastName());
            BinaryCopy.text(out, externalId);
            BinaryCopy.int4(out, row.priority() == null ? 0 : row.priority());
            BinaryCopy.jsonb(out, row.customJson());
            BinaryCopy.int8(out, importId);
            entries.add(new ScreenedBatch.Entry(source, null, null, phone, externalId, dnc.blocks(phone), out.size()));
        }
        return new ScreenedBatch(out, entries);
    }
}
