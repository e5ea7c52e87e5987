package dialer.contact.intake;

import java.util.List;

/**
 * A batch of rows converted for a campaign's new table: the COPY data of the rows that may be stored, and
 * what the screening in file order needs of every row (see {@link InFileScreen}).
 *
 * @param rows    the COPY data, row after row, of the entries without a {@code reject}
 * @param entries every row of the batch, in file order
 */
record ScreenedBatch(ByteSink rows, List<Entry> entries) {
    /**
     * One row.
     *
     * @param source     the row as read
     * @param reject     why the row is refused whatever came before it; null when it is not
     * @param detail     the reject's detail
     * @param phone      the number's {@link PhoneKeys key}; 0 for a refused row
     * @param externalId the external id as stored; null when there is none
     * @param dnc        why the do-not-call list refuses the number, when it does: the row still claims its
     *                   number and external id against later rows, as it does in the staging table's screening
     * @param end        where the row's COPY data ends in {@code rows}
     */
    record Entry(CsvContactReader.Row source, RejectReason reject, String detail, long phone, byte[] externalId,
            String dnc, int end) {
    }
}
