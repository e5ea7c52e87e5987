package dialer.dnc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One bulk upload inside its transaction: adds the valid lines' entries in batches, counts what was new,
 * already listed or invalid, and finally marks the contacts the list now blocks.
 */
final class DncImport {
    static final String SOURCE = "csv";
    private static final int BATCH_SIZE = 1000;
    private static final int MAX_VALUE_SHOWN = 100;
    /** What every E.164 number starts with: the contacts it matches are every contact in scope. */
    private static final String EVERY_NUMBER = "+";

    private final DncDao dao;
    private final DncTargets targets;
    private final Long campaignId;
    private final Optional<String> region;
    private final List<String> values = new ArrayList<>();
    private final List<String> kinds = new ArrayList<>();
    private final List<DncImportResult.InvalidLine> invalid = new ArrayList<>();
    private long added;
    private long alreadyPresent;
    private long invalidCount;

    DncImport(DncDao dao, DncTargets targets, Optional<Long> campaignId, Optional<String> region) {
        this.dao = dao;
        this.targets = targets;
        this.campaignId = campaignId.orElse(null);
        this.region = region;
    }

    /** Takes the value read on {@code line}. */
    void accept(String value, long line) {
        Optional<DncTarget> target = targets.parse(value, region);
        if (target.isEmpty()) {
            invalidCount++;
            if (invalid.size() < DncImportResult.MAX_INVALID_LISTED) {
                invalid.add(new DncImportResult.InvalidLine(line,
                        value.length() > MAX_VALUE_SHOWN ? value.substring(0, MAX_VALUE_SHOWN) : value));
            }
            return;
        }
        values.add(target.get().value());
        kinds.add(target.get().kind().code());
        if (values.size() == BATCH_SIZE) {
            flush();
        }
    }

    /** Adds what is pending, marks the contacts now blocked, and says what the upload did. */
    DncImportResult finish() {
        flush();
        dao.markBlockedContacts(campaignId, DncKind.PREFIX.code(), EVERY_NUMBER);
        return new DncImportResult(added, alreadyPresent, invalidCount, invalid);
    }

    private void flush() {
        if (values.isEmpty()) {
            return;
        }
        for (int inserted : dao.insertAll(values, kinds, campaignId, SOURCE)) {
            if (inserted > 0) {
                added++;
            } else {
                alreadyPresent++;
            }
        }
        values.clear();
        kinds.clear();
    }
}
