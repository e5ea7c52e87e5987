package dialer.lease;

import java.time.Duration;
import java.time.Instant;

/**
 * What one lease may take: up to {@code limit} contacts of {@code campaignId} whose time zone is one of
 * {@code openZones} (see {@link dialer.campaign.CallingWindow}), under the attempt caps, and, when
 * {@code abandonedGuard}, not within 72 hours of an abandoned call to them. The attempts it opens belong
 * to {@code nodeId} and expire at {@code now + leaseTime} unless the node renews them. A callback reserved
 * for an agent is taken only when that agent is one of {@code freeAgents} (user ids), or once its time is
 * {@code ownedCallbackWait} past.
 */
public record LeaseRules(long campaignId, Instant now, int limit, String[] openZones, int maxAttemptsTotal,
        int maxAttemptsPer30Days, boolean abandonedGuard, String nodeId, Duration leaseTime, long[] freeAgents,
        Duration ownedCallbackWait) {
    public LeaseRules {
        if (limit < 1 || maxAttemptsTotal < 1 || maxAttemptsPer30Days < 1) {
            throw new IllegalArgumentException("limit and caps must be positive");
        }
        openZones = openZones.clone();
        freeAgents = freeAgents.clone();
    }
}
