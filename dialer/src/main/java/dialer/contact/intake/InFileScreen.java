package dialer.contact.intake;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

/**
 * Screens the rows of a campaign's first list in file order, as the staging table's SQL does: a row whose
 * external id came on an earlier row is a duplicate; then a row whose number came on an earlier row still
 * standing is a duplicate; then a row on the do-not-call list is refused (it keeps its number and external
 * id from later rows). Refused rows go to a {@link RejectSpool}; the others' COPY data is kept. Numbers are
 * compared exactly as {@link PhoneKeys}, external ids by {@link SeenExternalIds}. Not thread-safe: it is
 * run on one thread, in file order, so the first of two rows is always the one kept.
 */
final class InFileScreen implements AutoCloseable {
    private static final int ABSENT = -1;

    private final Long2IntOpenHashMap phones;
    private final SeenExternalIds externalIds;
    private final RejectSpool rejects;

    /**
     * @param maxLines the most lines the file has, which bounds both the keys held and the line numbers
     */
    InFileScreen(int maxLines, RejectSpool rejects) {
        this.phones = new Long2IntOpenHashMap(maxLines);
        phones.defaultReturnValue(ABSENT);
        this.externalIds = new SeenExternalIds(maxLines);
        this.rejects = rejects;
    }

    /**
     * Screens a batch, the next in file order, and returns its COPY data with only the rows kept: the
     * batch's own buffer, compacted.
     */
    ByteSink keep(ScreenedBatch batch) {
        byte[] bytes = batch.rows().array();
        int kept = 0;
        int start = 0;
        for (ScreenedBatch.Entry entry : batch.entries()) {
            if (accept(entry)) {
                System.arraycopy(bytes, start, bytes, kept, entry.end() - start);
                kept += entry.end() - start;
            }
            start = entry.end();
        }
        batch.rows().truncate(kept);
        return batch.rows();
    }

    @Override
    public void close() {
        externalIds.close();
    }

    private boolean accept(ScreenedBatch.Entry entry) {
        long line = entry.source().line();
        if (entry.reject() != null) {
            return refuse(entry, entry.reject(), entry.detail());
        }
        if (entry.externalId() != null) {
            long first = externalIds.firstLine(entry.externalId(), line);
            if (first >= 0) {
                return refuse(entry, RejectReason.DUPLICATE, "same external id as line " + first);
            }
        }
        int first = phones.putIfAbsent(entry.phone(), (int) line);
        if (first != ABSENT) {
            return refuse(entry, RejectReason.DUPLICATE, "same number as line " + first);
        }
        return entry.dnc() == null || refuse(entry, RejectReason.DNC, entry.dnc());
    }

    private boolean refuse(ScreenedBatch.Entry entry, RejectReason reason, String detail) {
        rejects.add(entry.source().line(), reason, detail, entry.source().cells());
        return false;
    }
}
