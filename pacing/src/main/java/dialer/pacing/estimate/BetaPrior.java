package dialer.pacing.estimate;

/**
 * What a probability is believed to be before any observation: a Beta distribution with mean
 * {@code mean}, worth {@code weight} observations (alpha = mean &times; weight, beta = (1 - mean)
 * &times; weight). An immutable value.
 *
 * @param mean the believed probability, from 0 to 1
 * @param weight how many observations the belief is worth, positive and finite
 */
public record BetaPrior(double mean, double weight) {

    /** Validates the arguments; throws IllegalArgumentException when one is out of range. */
    public BetaPrior {
        if (!(mean >= 0 && mean <= 1)) {
            throw new IllegalArgumentException("mean must be from 0 to 1, was " + mean);
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be positive and finite, was " + weight);
        }
    }
}
