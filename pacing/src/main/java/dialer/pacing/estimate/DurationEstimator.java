package dialer.pacing.estimate;

import java.time.Duration;
import java.util.Objects;

/**
 * Online estimate of the distribution of a duration, such as the time to answer of answered calls
 * or the handle time (talk + wrap-up), as a {@link LogNormalDuration}.
 *
 * <p>Keeps the logarithms of the last {@code windowSize} observations in a ring buffer, with their
 * running sum and sum of squares, so recording is amortised O(1): the sums are recomputed exactly
 * from the buffer once per {@code windowSize} observations, which stops rounding errors piling up.
 *
 * <p>The fit is the maximum-likelihood estimate on the logarithms: scale = mean of {@code ln t},
 * shape = square root of the mean squared deviation of {@code ln t} from it (divided by n, not
 * n - 1). Until the window holds {@code minimumSamples} observations the estimator is not
 * {@linkplain #isReady() ready} and answers from the prior given at construction; from then on
 * from the fit alone. Identical observations fit a shape of 0, which {@link LogNormalDuration}
 * raises to its minimum, so the answers stay finite. Observations shorter than
 * {@link #SHORTEST_OBSERVATION} count as that long (the logarithm of 0 is not finite).
 *
 * <p>Not thread-safe: confine an instance to the thread that owns the campaign, and hand other
 * threads the immutable {@link #model()}.
 */
public final class DurationEstimator {

    /** Observations shorter than this are recorded as this long. */
    public static final Duration SHORTEST_OBSERVATION = Duration.ofMillis(1);

    private static final double SHORTEST_SECONDS = Seconds.ofNonNegative(SHORTEST_OBSERVATION, "shortest");

    private final LogNormalDuration prior;
    private final int minimumSamples;
    private final double[] logSeconds;
    private int count;
    private int nextSlot;
    private double sum;
    private double sumOfSquares;
    private LogNormalDuration fitted;

    /**
     * @param prior the model answered from until the estimator is ready
     * @param windowSize how many of the latest observations the fit uses, at least 1
     * @param minimumSamples how many observations make the estimator ready, from 1 to {@code windowSize}
     */
    public DurationEstimator(LogNormalDuration prior, int windowSize, int minimumSamples) {
        this.prior = Objects.requireNonNull(prior, "prior");
        if (windowSize < 1) {
            throw new IllegalArgumentException("window size must be at least 1, was " + windowSize);
        }
        if (minimumSamples < 1 || minimumSamples > windowSize) {
            throw new IllegalArgumentException(
                    "minimum samples must be from 1 to the window size " + windowSize + ", was " + minimumSamples);
        }
        this.minimumSamples = minimumSamples;
        this.logSeconds = new double[windowSize];
    }

    /** Adds an observed duration, forgetting the oldest one when the window is full. */
    public void record(Duration observed) {
        double seconds = Math.max(Seconds.ofNonNegative(observed, "observed"), SHORTEST_SECONDS);
        double logarithm = Math.log(seconds);
        if (count == logSeconds.length) {
            double forgotten = logSeconds[nextSlot];
            sum -= forgotten;
            sumOfSquares -= forgotten * forgotten;
        } else {
            count++;
        }
        logSeconds[nextSlot] = logarithm;
        sum += logarithm;
        sumOfSquares += logarithm * logarithm;
        nextSlot = (nextSlot + 1) % logSeconds.length;
        if (nextSlot == 0) {
            recomputeSums();
        }
        fitted = null;
    }

    /** Whether the window holds enough observations for the fit to replace the prior. */
    public boolean isReady() {
        return count >= minimumSamples;
    }

    /** The number of observations in the window: all those recorded, up to the window size. */
    public long samples() {
        return count;
    }

    /** The current model: the fit of the window once {@linkplain #isReady() ready}, the prior before. */
    public LogNormalDuration model() {
        if (!isReady()) {
            return prior;
        }
        if (fitted == null) {
            double scale = sum / count;
            double variance = Math.max(0, sumOfSquares / count - scale * scale);
            fitted = LogNormalDuration.ofScaleAndShape(scale, Math.sqrt(variance));
        }
        return fitted;
    }

    /** The mean of the {@linkplain #model() current model}. */
    public Duration mean() {
        return model().mean();
    }

    /** P(T &gt; t) under the {@linkplain #model() current model}. */
    public double survival(Duration t) {
        return model().survival(t);
    }

    /**
     * P(T &le; elapsed + horizon | T &gt; elapsed) under the {@linkplain #model() current model}:
     * the probability that an agent already {@code elapsed} into a call is free within
     * {@code horizon}. See {@link LogNormalDuration#conditionalCompletionProbability}.
     */
    public double conditionalCompletionProbability(Duration elapsed, Duration horizon) {
        return model().conditionalCompletionProbability(elapsed, horizon);
    }

    /** The {@code p}-quantile of the {@linkplain #model() current model}, for 0 &le; p &lt; 1. */
    public Duration quantile(double p) {
        return model().quantile(p);
    }

    private void recomputeSums() {
        sum = 0;
        sumOfSquares = 0;
        for (int slot = 0; slot < count; slot++) {
            sum += logSeconds[slot];
            sumOfSquares += logSeconds[slot] * logSeconds[slot];
        }
    }
}
