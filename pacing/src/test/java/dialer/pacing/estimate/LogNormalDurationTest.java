package dialer.pacing.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.time.Duration;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class LogNormalDurationTest {

    private final LogNormalDuration handleTime =
            LogNormalDuration.ofMeanAndCoefficientOfVariation(Duration.ofSeconds(240), 0.8);

    @Test
    void hasTheMeanAndCoefficientOfVariationItWasBuiltFrom() {
        LogNormalDistribution distribution = handleTime.toDistribution(new Well19937c(1));

        assertThat(distribution.getNumericalMean()).isCloseTo(240, within(1e-9));
        assertThat(Math.sqrt(distribution.getNumericalVariance()) / 240).isCloseTo(0.8, within(1e-9));
        assertThat(handleTime.mean()).isEqualTo(Duration.ofSeconds(240));
    }

    /** Survival uses the fast {@link Erfc}, good to 1.2e-7 relative: far below what pacing can tell apart. */
    @Test
    void survivalAgreesWithCommonsMath() {
        LogNormalDistribution distribution = handleTime.toDistribution(new Well19937c(1));

        for (int seconds = 1; seconds <= 2000; seconds += 37) {
            assertThat(handleTime.survival(Duration.ofSeconds(seconds)))
                    .as("survival at %d s", seconds)
                    .isCloseTo(1 - distribution.cumulativeProbability(seconds), within(2e-7));
        }
        assertThat(handleTime.survival(Duration.ZERO)).isEqualTo(1);
    }

    @Test
    void survivalKeepsItsPrecisionFarInTheUpperTail() {
        LogNormalDuration model = LogNormalDuration.ofScaleAndShape(0, 1);

        // 10 standard deviations above the median: 1 - cdf rounds to 0, the true value is 7.62e-24.
        Duration farTail = Duration.ofNanos(Math.round(Math.exp(10) * 1e9));

        assertThat(model.survival(farTail)).isCloseTo(7.6198530241604696e-24, within(1e-27));
        // The hazard there is phi(10) / (Q(10) t) = 10.098 / 22026 s; 1 - cdf would answer 1.
        assertThat(model.conditionalCompletionProbability(farTail, Duration.ofSeconds(1)))
                .isCloseTo(4.584e-4, withinPercentage(1));
    }

    @Test
    void quantileInvertsTheDistribution() {
        for (double p : new double[] {0.01, 0.1, 0.5, 0.9, 0.99}) {
            assertThat(1 - handleTime.survival(handleTime.quantile(p))).as("p = %s", p).isCloseTo(p, within(2e-7));
        }
        assertThat(handleTime.quantile(0)).isEqualTo(Duration.ZERO);
    }

    @Test
    void conditionalCompletionFromTheStartIsTheCumulativeProbability() {
        Duration horizon = Duration.ofSeconds(90);

        assertThat(handleTime.conditionalCompletionProbability(Duration.ZERO, horizon))
                .isCloseTo(1 - handleTime.survival(horizon), within(1e-15));
    }

    @Test
    void conditionalCompletionMatchesTheDefinition() {
        Duration elapsed = Duration.ofSeconds(300);
        Duration horizon = Duration.ofSeconds(20);
        double stillRunning = handleTime.survival(elapsed);
        double expected = (stillRunning - handleTime.survival(elapsed.plus(horizon))) / stillRunning;

        assertThat(handleTime.conditionalCompletionProbability(elapsed, horizon)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void aConstantDurationKeepsTheMinimumShape() {
        LogNormalDuration constant = LogNormalDuration.ofMeanAndCoefficientOfVariation(Duration.ofSeconds(60), 0);

        assertThat(constant.shape()).isEqualTo(LogNormalDuration.MINIMUM_SHAPE);
        assertThat(constant.mean()).isEqualTo(Duration.ofSeconds(60));
        assertThat(LogNormalDuration.ofScaleAndShape(1, 0)).isEqualTo(LogNormalDuration.ofScaleAndShape(1, 1e-4));
    }

    @Test
    void rejectsCallerBugs() {
        assertThatThrownBy(() -> LogNormalDuration.ofMeanAndCoefficientOfVariation(Duration.ZERO, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogNormalDuration.ofMeanAndCoefficientOfVariation(Duration.ofSeconds(-1), 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogNormalDuration.ofMeanAndCoefficientOfVariation(Duration.ofSeconds(1), -0.1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogNormalDuration.ofScaleAndShape(Double.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogNormalDuration.ofScaleAndShape(1, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> handleTime.survival(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> handleTime.conditionalCompletionProbability(Duration.ofSeconds(1), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> handleTime.quantile(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> handleTime.quantile(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> handleTime.quantile(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
