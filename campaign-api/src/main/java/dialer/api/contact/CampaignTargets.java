package dialer.api.contact;

import dialer.api.http.NoSuchResourceException;
import dialer.campaign.Campaign;
import dialer.campaign.CampaignService;
import dialer.contact.intake.IntakeTarget;

/** The campaign a route names, as the target contacts go into; 404 when there is none. */
public final class CampaignTargets {
    private final CampaignService campaigns;

    public CampaignTargets(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    IntakeTarget of(long campaignId) {
        Campaign campaign = campaigns.find(campaignId)
                .orElseThrow(() -> new NoSuchResourceException("No campaign with id " + campaignId));
        return new IntakeTarget(campaign.id(), campaign.defaultRegion(), campaign.fallbackTimeZone());
    }
}
