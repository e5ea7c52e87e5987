package dialer.contact.intake;

/**
 * Writes {@link IntakeRow}s in PostgreSQL's binary COPY format ({@link BinaryCopy}), in the column order
 * of {@link StagingTable}, with, for each row, whether its number and its external id may have come in
 * an earlier row (see {@link SeenKeys}). Thread-safe.
 */
final class CopyRows {
    private static final int COLUMNS = 14;

    private final SeenKeys phones;
    private final SeenKeys externalIds;

    /** For a batch of about {@code expectedRows} rows. */
    CopyRows(long expectedRows) {
        this.phones = SeenKeys.forKeys(expectedRows);
        this.externalIds = SeenKeys.forKeys(expectedRows);
    }

    void append(ByteSink out, IntakeRow row) {
        byte[] phone = BinaryCopy.utf8(row.phone());
        byte[] externalId = BinaryCopy.utf8(row.externalId());
        BinaryCopy.row(out, COLUMNS);
        BinaryCopy.int8(out, row.line());
        BinaryCopy.text(out, phone);
        BinaryCopy.textArray(out, row.altPhones());
        BinaryCopy.text(out, row.timeZone());
        BinaryCopy.text(out, row.firstName());
        BinaryCopy.text(out, row.lastName());
        BinaryCopy.text(out, externalId);
        BinaryCopy.int4(out, row.priority());
        BinaryCopy.jsonb(out, row.customJson());
        BinaryCopy.text(out, row.fieldsJson());
        BinaryCopy.text(out, row.reject() == null ? null : row.reject().code());
        BinaryCopy.text(out, row.detail());
        // the keys as stored: text that differs only in what the encoding drops is the same key
        BinaryCopy.bool(out, phones.markSeen(phone));
        BinaryCopy.bool(out, externalIds.markSeen(externalId));
    }
}
