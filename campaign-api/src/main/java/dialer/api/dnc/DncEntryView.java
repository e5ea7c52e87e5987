package dialer.api.dnc;

import java.time.Instant;

import dialer.dnc.DncEntry;

/**
 * A do-not-call entry as the API shows it.
 *
 * @param number     the number in E.164, or the prefix followed by {@code *}
 * @param kind       {@code number} or {@code prefix}
 * @param campaignId null for a global entry
 */
public record DncEntryView(long id, String number, String kind, Long campaignId, String source, Instant createdAt) {
    static DncEntryView of(DncEntry entry) {
        return new DncEntryView(entry.id(), entry.target().written(), entry.target().kind().code(),
                entry.campaignId().orElse(null), entry.source(), entry.createdAt());
    }
}
