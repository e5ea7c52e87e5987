package dialer.pacing.estimate;

import java.time.Duration;


/**
 * What one campaign's calls show, kept up to date as they happen: whether dials reach live people, how
 * long live answers ring, and how long agents' calls last from connection to ready (talk and wrap-up).
 * Starts from priors a campaign without history can dial with. Not thread-safe: owned by the campaign's thread.
 */
public final class CallStatistics {
    private static final int HALF_LIFE_DIALS = 500;
    private static final int WINDOW = 2_000;
    private static final int MINIMUM_SAMPLES = 30;

    private final AnswerRateEstimator answerRate;
    private final DurationEstimator timeToAnswer;
    private final DurationEstimator handleTime;

    /** With the priors: a live answer for {@code liveAnswerPrior} of dials, and the given typical durations. */
    public CallStatistics(double liveAnswerPrior, Duration typicalTimeToAnswer, Duration typicalHandleTime) {
        this.answerRate = new AnswerRateEstimator(new BetaPrior(liveAnswerPrior, 20), HALF_LIFE_DIALS);
        this.timeToAnswer = new DurationEstimator(
                LogNormalDuration.ofMeanAndCoefficientOfVariation(typicalTimeToAnswer, 0.5), WINDOW, MINIMUM_SAMPLES);
        this.handleTime = new DurationEstimator(
                LogNormalDuration.ofMeanAndCoefficientOfVariation(typicalHandleTime, 1), WINDOW, MINIMUM_SAMPLES);
    }

    /** A dial ended: it reached a live person or not. */
    public void recordDial(boolean liveAnswer) {
        answerRate.recordDial(liveAnswer);
    }

    /** A live answer came this long after its dial. */
    public void recordAnswer(Duration afterDial) {
        timeToAnswer.record(afterDial);
    }

    /** An agent was ready again this long after a call was connected to them. */
    public void recordHandled(Duration handle) {
        handleTime.record(handle);
    }

    /** The models now. */
    public CallModels models() {
        return new CallModels(answerRate.probability(), answerRate.samples(), timeToAnswer.model(),
                timeToAnswer.samples(), handleTime.model(), handleTime.samples());
    }
}
