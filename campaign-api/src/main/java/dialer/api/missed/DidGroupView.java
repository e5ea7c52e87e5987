package dialer.api.missed;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import dialer.missed.DidGroup;

/** A DID group as the API shows it; {@code default} marks the group of numbers of no group. */
public record DidGroupView(long id, String name, List<String> dids, String mode, int deadlineMinutes, long campaignId,
        @JsonProperty("default") boolean isDefault, Instant createdAt) {
    static DidGroupView of(DidGroup group) {
        return new DidGroupView(group.id(), group.name(), group.dids(), group.mode().code(), group.deadlineMinutes(),
                group.campaignId(), group.isDefault(), group.createdAt());
    }
}
