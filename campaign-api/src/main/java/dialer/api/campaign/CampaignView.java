package dialer.api.campaign;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dialer.campaign.Campaign;
import dialer.campaign.CampaignInput;

/**
 * A campaign as the API shows it: its input fields with every default filled in (so that a client
 * can send this back, less the read-only {@code id}, {@code state}, {@code createdAt} and {@code updatedAt}).
 */
public record CampaignView(long id, String state, @JsonUnwrapped CampaignInput settings, Instant createdAt,
        Instant updatedAt) {
    static CampaignView of(Campaign campaign) {
        return new CampaignView(campaign.id(), campaign.state().code(), campaign.input(), campaign.createdAt(),
                campaign.updatedAt());
    }
}
