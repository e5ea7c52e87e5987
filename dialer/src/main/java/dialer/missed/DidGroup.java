package dialer.missed;

import java.time.Instant;
import java.util.List;

/**
 * A set of called numbers (DIDs, E.164) whose missed calls one callback campaign calls back, within
 * {@code deadlineMinutes}. The default group has no numbers: it takes missed calls to numbers of no group.
 */
public record DidGroup(long id, String name, List<String> dids, CallbackMode mode, int deadlineMinutes,
        long campaignId, boolean isDefault, Instant createdAt) {
    public DidGroup {
        dids = List.copyOf(dids);
    }
}
