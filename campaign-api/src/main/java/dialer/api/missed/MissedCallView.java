package dialer.api.missed;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import dialer.missed.MissedCall;

/** A caller's callback as the API shows it: its missed calls' count and times, state, campaign and contact. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MissedCallView(long id, String callerNumber, String calledNumber, long groupId, long campaignId,
        long contactId, String contactState, String reason, String ivrPath, Integer waitedSeconds, Instant firstMissedAt,
        Instant lastMissedAt, int count, String state, Instant closedAt, Instant createdAt, Instant updatedAt) {
    static MissedCallView of(MissedCall call) {
        return new MissedCallView(call.id(), call.callerNumber(), call.calledNumber().orElse(null), call.groupId(),
                call.campaignId(), call.contactId(), call.contactState(), call.reason().code(), call.ivrPath().orElse(null),
                call.waitedSeconds().orElse(null), call.firstMissedAt(), call.lastMissedAt(), call.missedCount(), call.state(),
                call.closedAt().orElse(null), call.createdAt(), call.updatedAt());
    }
}
