package dialer.dnc;

import java.util.Optional;

/**
 * Which entries to list.
 *
 * @param campaignId only the entries of this campaign; empty for every entry, global or not
 * @param kind       only numbers, or only prefixes; empty for both
 */
public record DncFilter(Optional<Long> campaignId, Optional<DncKind> kind) {
    public static DncFilter all() {
        return new DncFilter(Optional.empty(), Optional.empty());
    }
}
