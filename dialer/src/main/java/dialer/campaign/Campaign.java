package dialer.campaign;

import java.time.Instant;
import java.time.ZoneId;

/** A campaign: a list of contacts to call under one set of {@link CampaignSettings}. */
public record Campaign(long id, String name, Mode mode, CampaignState state, CampaignSettings settings,
        Instant createdAt, Instant updatedAt) {

    /** ISO 3166 region of numbers written without a country code ({@code RU}, {@code US}). */
    public String defaultRegion() {
        return settings.defaultRegion();
    }

    /** The contact's time zone when its number does not tell one. */
    public ZoneId fallbackTimeZone() {
        return settings.fallbackTimeZone();
    }

    /** This campaign as a client writes it, with every default filled in. */
    public CampaignInput input() {
        return CampaignInput.of(name, mode, settings);
    }
}
