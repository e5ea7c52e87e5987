package dialer.campaign;

import java.util.Locale;

/** Where a campaign is in its life; every campaign starts as {@link #DRAFT}. */
public enum CampaignState implements Coded {
    DRAFT, RUNNING, PAUSED, STOPPED, COMPLETED;

    @Override
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
