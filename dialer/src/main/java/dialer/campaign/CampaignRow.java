package dialer.campaign;

import java.time.Instant;

/** A row of the {@code campaigns} table as stored; {@code settings} is the JSON text of the jsonb column. */
public record CampaignRow(long id, String name, String mode, String state, String settings, Instant createdAt,
        Instant updatedAt) {
}
