package dialer.contact;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A person to call in a campaign. {@code customFieldsJson} is the JSON object of the extra columns or
 * fields the contact came with.
 */
public record Contact(long id, long campaignId, Optional<String> externalId, String phone, List<String> altPhones,
        String timeZone, Optional<String> firstName, Optional<String> lastName, int priority, String state,
        int attemptsTotal, Optional<Instant> nextAttemptAt, String customFieldsJson, Instant createdAt,
        Instant updatedAt) {
    public Contact {
        altPhones = List.copyOf(altPhones);
    }
}
