package dialer.pacing;

/**
 * What a campaign's calls have shown so far, as counts: dials placed, live answers, and live answers
 * abandoned (no agent within the allowed time), since the start of the campaign's day and in its
 * compliance window. Immutable.
 */
public record Observations(long dialsToday, long liveAnswersToday, long abandonedToday,
        long liveAnswersInWindow, long abandonedInWindow) {

    public Observations {
        if (dialsToday < 0 || liveAnswersToday < 0 || abandonedToday < 0 || liveAnswersInWindow < 0
                || abandonedInWindow < 0) {
            throw new IllegalArgumentException("negative count");
        }
    }

    /** Nothing seen yet. */
    public static Observations none() {
        return new Observations(0, 0, 0, 0, 0);
    }

    /** Abandoned / live answers since the start of the day; 0 before the first live answer. */
    public double abandonRateToday() {
        return liveAnswersToday == 0 ? 0 : (double) abandonedToday / liveAnswersToday;
    }

    /** Abandoned / live answers in the compliance window; 0 before the first live answer. */
    public double abandonRateInWindow() {
        return liveAnswersInWindow == 0 ? 0 : (double) abandonedInWindow / liveAnswersInWindow;
    }
}
