package dialer.pacing;

/**
 * A baseline: VICIdial's documented ADAPT_AVERAGE dial level, as faithfully as its documentation allows,
 * to be beaten honestly rather than tuned down. Every second it samples the ready agents and the answered
 * calls waiting for one; every 15 seconds it sets
 * {@code level = level * (1 + (avg(ready) - avg(waiting)) / avg(agents))}, kept within [1, 3], and halves
 * the level when the drop (abandonment) rate since the start of the day is above the target once 50 calls
 * have been dialled. It places {@code level * agents - calls active}, where, as in VICIdial, the agents
 * are those ready or on a call (an agent in wrap-up is paused there, and not counted), and the active
 * calls are those ringing, waiting for an agent or talking to one.
 */
public final class VicidialAdaptivePacing implements PacingStrategy {
    private static final double MIN_LEVEL = 1;
    private static final double MAX_LEVEL = 3;
    private static final int ADJUST_EVERY_SECONDS = 15;
    private static final long CALLS_BEFORE_DROP_CHECK = 50;

    private final double targetAbandonRate;
    private double level = MIN_LEVEL;
    private long lastSampledSecond = -1;
    private double readySum;
    private double waitingSum;
    private double agentsSum;
    private int samples;

    public VicidialAdaptivePacing(double targetAbandonRate) {
        this.targetAbandonRate = AbandonRateTarget.checked(targetAbandonRate);
    }

    @Override
    public String name() {
        return "vicidial-adapt";
    }

    /** The dial level now. */
    public double level() {
        return level;
    }

    @Override
    public int callsToLaunch(PacingSnapshot snapshot) {
        long second = (long) Math.floor(snapshot.secondsSinceStart());
        if (second != lastSampledSecond) {
            lastSampledSecond = second;
            sample(snapshot);
            if (second > 0 && second % ADJUST_EVERY_SECONDS == 0) {
                adjust(snapshot.observed());
            }
        }
        int active = snapshot.callsInFlight().size() + snapshot.answeredWaiting() + snapshot.onCall().size();
        return Math.max(0, (int) Math.floor(level * agents(snapshot)) - active);
    }

    private void sample(PacingSnapshot snapshot) {
        readySum += snapshot.readyAgents();
        waitingSum += snapshot.answeredWaiting();
        agentsSum += agents(snapshot);
        samples++;
    }

    /** The agents VICIdial dials for: ready or on a call, not paused in wrap-up. */
    private static int agents(PacingSnapshot snapshot) {
        return snapshot.readyAgents() + snapshot.onCall().size();
    }

    private void adjust(Observations observed) {
        if (samples > 0 && agentsSum > 0) {
            double change = (readySum / samples - waitingSum / samples) / (agentsSum / samples);
            level = Math.max(MIN_LEVEL, Math.min(MAX_LEVEL, level * (1 + change)));
        }
        if (observed.dialsToday() >= CALLS_BEFORE_DROP_CHECK && observed.abandonRateToday() > targetAbandonRate) {
            level = Math.max(MIN_LEVEL, level / 2);
        }
        readySum = 0;
        waitingSum = 0;
        agentsSum = 0;
        samples = 0;
    }
}
