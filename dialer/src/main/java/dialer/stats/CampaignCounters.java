package dialer.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dialer.pacing.Observations;

/**
 * A campaign's dials, live answers and abandoned calls today (UTC) and in its abandonment window, kept by
 * its runner as calls go, starting from what the attempts table held. Not thread-safe: the runner's thread owns it.
 */
public final class CampaignCounters {
    private LocalDate day;
    private long dialsToday;
    private long liveToday;
    private long abandonedToday;
    private long liveInWindow;
    private long abandonedInWindow;

    CampaignCounters(LocalDate day, long dialsToday, long liveToday, long abandonedToday, long liveInWindow,
            long abandonedInWindow) {
        this.day = day;
        this.dialsToday = dialsToday;
        this.liveToday = liveToday;
        this.abandonedToday = abandonedToday;
        this.liveInWindow = liveInWindow;
        this.abandonedInWindow = abandonedInWindow;
    }

    /** A call was placed at {@code now}. */
    public void dialled(Instant now) {
        rollOver(now);
        dialsToday++;
    }

    /** A live answer reached an agent at {@code now}. */
    public void connected(Instant now) {
        rollOver(now);
        liveToday++;
        liveInWindow++;
    }

    /** A live answer reached no agent: abandoned at {@code now}. */
    public void abandoned(Instant now) {
        connected(now);
        abandonedToday++;
        abandonedInWindow++;
    }

    public Observations observations() {
        return new Observations(dialsToday, liveToday, abandonedToday, liveInWindow, abandonedInWindow);
    }

    private void rollOver(Instant now) {
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        if (!today.equals(day)) {
            day = today;
            dialsToday = 0;
            liveToday = 0;
            abandonedToday = 0;
        }
    }
}
