package dialer.dnc;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of the do-not-call list.
 *
 * @param campaignId the campaign it applies to; empty for a global entry (every campaign)
 * @param source     where it came from: {@code manual} (the API), {@code csv} (a bulk upload)...
 */
public record DncEntry(long id, DncTarget target, Optional<Long> campaignId, String source, Instant createdAt) {
}
