package dialer.missed;

import java.time.Instant;
import java.util.Optional;

/**
 * A caller's callback: the missed calls of one caller ({@code missedCount}, from {@code firstMissedAt} to
 * {@code lastMissedAt}) while it was open, the contact that calls the caller back in the group's campaign
 * and that contact's state now.
 *
 * @param state    {@code open}, or {@code resolved-by-customer} once an inbound call from the caller was answered
 * @param closedAt when it was closed (the answered call's time)
 */
public record MissedCall(long id, String callerNumber, Optional<String> calledNumber, long groupId, long campaignId,
        long contactId, String contactState, MissedReason reason, Optional<String> ivrPath, Optional<Integer> waitedSeconds,
        Instant firstMissedAt, Instant lastMissedAt, int missedCount, String state, Optional<Instant> closedAt,
        Instant createdAt, Instant updatedAt) {
    /** The state of a callback still to make. */
    public static final String OPEN = "open";
    /** The state of a callback the customer made unnecessary by calling in and being answered. */
    public static final String RESOLVED_BY_CUSTOMER = "resolved-by-customer";
}
