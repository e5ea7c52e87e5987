package dialer.contact.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;

/**
 * Takes contacts pushed by a CRM: each is normalised, screened like an imported row, and upserted by its
 * external id, so that pushing the same batch again changes nothing. One transaction per batch.
 */
public final class ContactPushService {
    /** The most contacts one push may carry. */
    public static final int MAX_BATCH = 10_000;

    private final Jdbi jdbi;
    private final RowNormalizer normalizer;

    public ContactPushService(Jdbi jdbi, RowNormalizer normalizer) {
        this.jdbi = jdbi;
        this.normalizer = normalizer;
    }

    /**
     * Stores the contacts; returns one result per contact, in order.
     *
     * @throws IllegalArgumentException for more than {@link #MAX_BATCH} contacts
     */
    public List<PushResult> push(IntakeTarget target, List<ContactFields> contacts) {
        if (contacts.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " contacts per push");
        }
        return jdbi.inTransaction(handle -> {
            try (StagingTable staging = StagingTable.open(handle, contacts.size())) {
                for (int i = 0; i < contacts.size(); i++) {
                    ContactFields fields = contacts.get(i);
                    staging.add(fields.externalId() == null || fields.externalId().isBlank()
                            ? IntakeRow.rejected(i, "[]", RejectReason.MALFORMED_ROW, "externalId is required")
                            : normalizer.normalize(i, fields, "[]", target));
                }
                staging.screen(target.campaignId(), StagingTable.Mode.UPSERT);
                staging.upsertAccepted(target.campaignId());
                Map<Long, Long> ids = new HashMap<>();
                staging.acceptedContactIds(target.campaignId()).forEach(ids::put);
                Map<Long, StagingTable.Rejection> rejections = staging.rejections();
                List<PushResult> results = new ArrayList<>(contacts.size());
                for (int i = 0; i < contacts.size(); i++) {
                    StagingTable.Rejection rejection = rejections.get((long) i);
                    results.add(rejection == null
                            ? new PushResult(i, Optional.of(ids.get((long) i)), Optional.empty(), Optional.empty())
                            : new PushResult(i, Optional.empty(), Optional.of(rejection.reason()),
                                    Optional.ofNullable(rejection.detail())));
                }
                return results;
            }
        });
    }
}
