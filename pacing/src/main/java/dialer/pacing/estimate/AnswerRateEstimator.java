package dialer.pacing.estimate;

import java.util.Objects;

/**
 * Online estimate of the probability that a dial becomes a live answer (a person, not a machine,
 * busy, no answer or a failure).
 *
 * <p>Counts dials and live answers with exponential decay: each new dial multiplies the weight of
 * every earlier one by {@code 2^(-1 / halfLifeDials)}, so a dial counts half as much
 * {@code halfLifeDials} dials later. The prior enters as {@code weight} pseudo-dials, of which a
 * fraction {@code mean} were answered, made before the first real dial; it decays like them, so
 * it defines the estimate from the start and fades once real dials arrive. The estimate is
 * decayed live answers / decayed dials, prior included. In a steady state the dials carry a total
 * weight of about {@code halfLifeDials / ln 2} and the estimate has the variance of a plain
 * proportion over {@code (1 + r) / (1 - r)} &asymp; {@code 2.885 × halfLifeDials} dials, where
 * {@code r} is the decay per dial. Recording is O(1).
 *
 * <p>Not thread-safe: confine an instance to the thread that owns the campaign.
 */
public final class AnswerRateEstimator {

    private final double retentionPerDial;
    private double decayedLiveAnswers;
    private double decayedDials;
    private long dials;

    /**
     * @param prior the answer rate believed before any dial, and how many dials it is worth
     * @param halfLifeDials after how many dials an observation counts half, at least 1
     */
    public AnswerRateEstimator(BetaPrior prior, int halfLifeDials) {
        Objects.requireNonNull(prior, "prior");
        if (halfLifeDials < 1) {
            throw new IllegalArgumentException("half-life must be at least 1 dial, was " + halfLifeDials);
        }
        this.retentionPerDial = Math.pow(0.5, 1.0 / halfLifeDials);
        this.decayedLiveAnswers = prior.mean() * prior.weight();
        this.decayedDials = prior.weight();
    }

    /** Records the outcome of one dial: {@code true} when a live person answered. */
    public void recordDial(boolean liveAnswer) {
        decayedLiveAnswers = decayedLiveAnswers * retentionPerDial + (liveAnswer ? 1 : 0);
        decayedDials = decayedDials * retentionPerDial + 1;
        dials++;
    }

    /** The estimated probability that the next dial becomes a live answer, from 0 to 1. */
    public double probability() {
        return decayedLiveAnswers / decayedDials;
    }

    /** The raw number of dials recorded since construction, not decayed and without the prior. */
    public long samples() {
        return dials;
    }
}
