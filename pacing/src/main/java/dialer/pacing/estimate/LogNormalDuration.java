package dialer.pacing.estimate;

import java.time.Duration;
import java.util.Objects;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.special.Erf;

/**
 * A log-normal model of a duration: {@code ln(T / 1 s)} is normal with mean {@link #scale()} and
 * standard deviation {@link #shape()} (the names commons-math3's {@link LogNormalDistribution}
 * uses). An immutable value, safe to share between threads.
 *
 * <p>Survival and quantiles are computed in closed form: the survival comes from {@link Erfc}, not
 * from {@code 1 - cdf}, so it keeps its precision far in the
 * upper tail, where {@link #conditionalCompletionProbability} divides by it; and
 * LogNormalDistribution 3.6.1 has no closed-form inverse (it searches with a solver), so quantiles use
 * commons-math3's {@link Erf#erfInv}.
 * {@link #toDistribution} gives the same model as a LogNormalDistribution, for instance to draw
 * samples in a simulation.
 *
 * <p>A shape below {@link #MINIMUM_SHAPE} is raised to it: a duration that never varies (a shape of
 * 0, which LogNormalDistribution rejects) becomes one that varies by about 0.1 %, and every answer
 * stays finite.
 */
public final class LogNormalDuration {

    /** The smallest shape a model has; smaller ones, including 0, are raised to it. */
    public static final double MINIMUM_SHAPE = 1e-3;

    private static final double SQRT2 = Math.sqrt(2);

    private final double scale;
    private final double shape;

    private LogNormalDuration(double scale, double shape) {
        this.scale = scale;
        this.shape = Math.max(shape, MINIMUM_SHAPE);
    }

    /**
     * The log-normal duration with this mean and coefficient of variation (standard deviation /
     * mean): {@code shape = sqrt(ln(1 + cv²))}, {@code scale = ln(mean in seconds) - shape² / 2}.
     *
     * @param mean a positive duration
     * @param coefficientOfVariation 0 or more; 0 means a constant duration
     */
    public static LogNormalDuration ofMeanAndCoefficientOfVariation(Duration mean, double coefficientOfVariation) {
        double meanSeconds = Seconds.ofNonNegative(mean, "mean");
        if (meanSeconds == 0) {
            throw new IllegalArgumentException("mean must be positive, was " + mean);
        }
        if (!(coefficientOfVariation >= 0) || Double.isInfinite(coefficientOfVariation)) {
            throw new IllegalArgumentException(
                    "coefficient of variation must be finite and not negative, was " + coefficientOfVariation);
        }
        double shape = Math.max(Math.sqrt(Math.log1p(coefficientOfVariation * coefficientOfVariation)), MINIMUM_SHAPE);
        return new LogNormalDuration(Math.log(meanSeconds) - shape * shape / 2, shape);
    }

    /**
     * The log-normal duration whose logarithm (of seconds) has mean {@code scale} and standard
     * deviation {@code shape}.
     *
     * @param scale any finite number
     * @param shape finite and not negative; raised to {@link #MINIMUM_SHAPE} when smaller
     */
    public static LogNormalDuration ofScaleAndShape(double scale, double shape) {
        if (!Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be finite, was " + scale);
        }
        if (!(shape >= 0) || Double.isInfinite(shape)) {
            throw new IllegalArgumentException("shape must be finite and not negative, was " + shape);
        }
        return new LogNormalDuration(scale, shape);
    }

    /** The mean of the logarithm of the duration in seconds. */
    public double scale() {
        return scale;
    }

    /** The standard deviation of the logarithm of the duration in seconds, at least {@link #MINIMUM_SHAPE}. */
    public double shape() {
        return shape;
    }

    /** The mean duration, {@code exp(scale + shape² / 2)} seconds. */
    public Duration mean() {
        return Seconds.toDuration(Math.exp(scale + shape * shape / 2));
    }

    /** P(T &gt; t), the probability that the duration exceeds {@code t}; 1 at {@code t = 0}. */
    public double survival(Duration t) {
        return survivalOfSeconds(Seconds.ofNonNegative(t, "t"));
    }

    /**
     * P(T &le; elapsed + horizon | T &gt; elapsed): the probability that something already
     * {@code elapsed} long ends within {@code horizon}, such as an agent {@code elapsed} into a
     * call being free within {@code horizon}.
     *
     * <p>When the model gives {@code elapsed} no probability at all (its survival underflows to 0,
     * which takes dozens of shapes past the median: an agent stuck on a call, or a nearly constant
     * duration), the call has outlasted everything the model knows and nothing says when it ends: the
     * answer is 0, so that a pacing model does not count on such an agent and over-dial.
     */
    public double conditionalCompletionProbability(Duration elapsed, Duration horizon) {
        double elapsedSeconds = Seconds.ofNonNegative(elapsed, "elapsed");
        double horizonSeconds = Seconds.ofNonNegative(horizon, "horizon");
        double stillRunning = survivalOfSeconds(elapsedSeconds);
        if (stillRunning == 0) {
            return 0;
        }
        return Math.max(0, 1 - survivalOfSeconds(elapsedSeconds + horizonSeconds) / stillRunning);
    }

    /**
     * The duration that a fraction {@code p} of durations do not exceed.
     *
     * @param p at least 0 and below 1 (the 1-quantile of a log-normal is infinite)
     */
    public Duration quantile(double p) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("p must be at least 0 and below 1, was " + p);
        }
        if (p == 0) {
            return Duration.ZERO;
        }
        double standardNormalQuantile = SQRT2 * Erf.erfInv(2 * p - 1);
        return Seconds.toDuration(Math.exp(scale + shape * standardNormalQuantile));
    }

    /**
     * This model as a commons-math3 distribution over seconds that draws its samples from
     * {@code random}.
     */
    public LogNormalDistribution toDistribution(RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        return new LogNormalDistribution(random, scale, shape, LogNormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
    }

    private double survivalOfSeconds(double seconds) {
        if (seconds == 0) {
            return 1;
        }
        double standardized = (Math.log(seconds) - scale) / shape;
        return 0.5 * Erfc.value(standardized / SQRT2);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LogNormalDuration that
                && Double.compare(scale, that.scale) == 0
                && Double.compare(shape, that.shape) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(scale, shape);
    }

    @Override
    public String toString() {
        return "LogNormalDuration[mean=" + mean() + ", scale=" + scale + ", shape=" + shape + "]";
    }
}
