package dialer.contact.intake;

/** The campaign that contacts were coming into was deleted meanwhile; nothing was stored. */
public final class CampaignDeletedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CampaignDeletedException(long campaignId) {
        super("Campaign " + campaignId + " was deleted; nothing was stored");
    }
}
