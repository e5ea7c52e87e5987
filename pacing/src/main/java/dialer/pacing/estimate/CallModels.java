package dialer.pacing.estimate;

/**
 * The current models of a campaign's calls: the probability that a dial reaches a live person, how long
 * live answers ring, and how long an agent's call lasts from connection to ready again (talk and wrap-up),
 * with how many observations each rests on. Immutable.
 */
public record CallModels(double liveAnswerProbability, long dials, LogNormalDuration timeToAnswer,
        long answers, LogNormalDuration handleTime, long handled) {

    public CallModels {
        if (!(liveAnswerProbability >= 0 && liveAnswerProbability <= 1)) {
            throw new IllegalArgumentException("live answer probability must be within [0, 1]: " + liveAnswerProbability);
        }
        if (timeToAnswer == null || handleTime == null) {
            throw new IllegalArgumentException("time to answer and handle time are required");
        }
    }
}
