package dialer.missed;

import java.util.function.LongConsumer;

import dialer.campaign.Campaign;
import dialer.campaign.CampaignInput;
import dialer.campaign.CampaignService;
import org.jdbi.v3.core.Handle;

/**
 * The campaigns DID groups call back through: one per group, named after it ({@code Callbacks: NAME}), in
 * the group's mode, with the campaign defaults otherwise (a manager may change them as any campaign's).
 */
public final class CallbackCampaigns {
    /** Prefix of a callback campaign's name. */
    static final String NAME_PREFIX = "Callbacks: ";

    private final CampaignService campaigns;
    private final LongConsumer start;

    /**
     * @param start starts a campaign so that it dials when an agent is free (the engine's start)
     */
    public CallbackCampaigns(CampaignService campaigns, LongConsumer start) {
        this.campaigns = campaigns;
        this.start = start;
    }

    /** Creates the group's campaign in the caller's transaction, as a draft: {@link #start} it once committed. */
    Campaign create(Handle handle, String groupName, CallbackMode mode, String defaultRegion, String fallbackTimeZone) {
        return campaigns.create(handle, new CampaignInput(NAME_PREFIX + groupName, mode.campaignMode().code(), null, null,
                null, null, defaultRegion, fallbackTimeZone, null, null, null, null, null));
    }

    void start(long campaignId) {
        start.accept(campaignId);
    }

    CampaignService service() {
        return campaigns;
    }
}
