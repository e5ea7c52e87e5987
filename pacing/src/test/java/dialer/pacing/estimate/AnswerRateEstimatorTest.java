package dialer.pacing.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class AnswerRateEstimatorTest {

    private static final int HALF_LIFE = 500;

    /**
     * The estimate has the variance of a proportion over (1 + r) / (1 - r) dials, r the decay per
     * dial: about 1443 dials for a half-life of 500.
     */
    private static double standardError(double p) {
        double retention = Math.pow(0.5, 1.0 / HALF_LIFE);
        double effectiveDials = (1 + retention) / (1 - retention);
        return Math.sqrt(p * (1 - p) / effectiveDials);
    }

    @Test
    void answersThePriorBeforeAnyDial() {
        AnswerRateEstimator estimator = new AnswerRateEstimator(new BetaPrior(0.3, 20), HALF_LIFE);

        assertThat(estimator.probability()).isEqualTo(0.3);
        assertThat(estimator.samples()).isZero();
    }

    @Test
    void thePriorWeighsAsManyDialsAsItsWeight() {
        AnswerRateEstimator estimator = new AnswerRateEstimator(new BetaPrior(0.3, 20), 1_000_000_000);

        for (int dial = 0; dial < 20; dial++) {
            estimator.recordDial(true);
        }

        // 6 live answers out of 20 pseudo-dials, then 20 out of 20: 26 / 40.
        assertThat(estimator.probability()).isCloseTo(0.65, within(1e-6));
        assertThat(estimator.samples()).isEqualTo(20);
    }

    @Test
    void aDialCountsHalfAfterOneHalfLife() {
        AnswerRateEstimator estimator = new AnswerRateEstimator(new BetaPrior(0.3, 20), HALF_LIFE);
        for (int dial = 0; dial < 30 * HALF_LIFE; dial++) {
            estimator.recordDial(true);
        }

        for (int dial = 0; dial < HALF_LIFE; dial++) {
            estimator.recordDial(false);
        }

        // The answered dials now weigh as much as the unanswered ones. An e-folding decay would give 1/e.
        assertThat(estimator.probability()).isCloseTo(0.5, within(1e-3));
    }

    @Test
    void convergesToTheTrueAnswerRate() {
        RandomGenerator random = new Well19937c(20240601);
        AnswerRateEstimator estimator = new AnswerRateEstimator(new BetaPrior(0.6, 20), HALF_LIFE);

        dial(estimator, random, 0.3, 20 * HALF_LIFE);

        // 4 standard errors (0.048): the prior 0.6, or a wrong decay, lies far outside.
        assertThat(estimator.probability()).isCloseTo(0.3, within(4 * standardError(0.3)));
        assertThat(estimator.samples()).isEqualTo(20L * HALF_LIFE);
    }

    @Test
    void followsAChangeOfTheAnswerRateWithinAFewHalfLives() {
        RandomGenerator random = new Well19937c(77);
        AnswerRateEstimator estimator = new AnswerRateEstimator(new BetaPrior(0.3, 20), HALF_LIFE);
        dial(estimator, random, 0.3, 20 * HALF_LIFE);

        dial(estimator, random, 0.15, HALF_LIFE);
        // Old and new dials weigh the same: halfway, 0.225, within 4 standard errors (0.044).
        assertThat(estimator.probability()).isCloseTo(0.225, within(4 * standardError(0.225)));

        dial(estimator, random, 0.15, 4 * HALF_LIFE);
        // After 5 half-lives the old rate weighs 1/32: 0.1547, within 4 standard errors (0.038).
        assertThat(estimator.probability()).isCloseTo(0.15 + 0.15 / 32, within(4 * standardError(0.15)));
    }

    @Test
    void rejectsCallerBugs() {
        assertThatThrownBy(() -> new BetaPrior(-0.01, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BetaPrior(1.01, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BetaPrior(Double.NaN, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BetaPrior(0.3, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BetaPrior(0.3, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AnswerRateEstimator(new BetaPrior(0.3, 20), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void dial(AnswerRateEstimator estimator, RandomGenerator random, double answerRate, int dials) {
        for (int dial = 0; dial < dials; dial++) {
            estimator.recordDial(random.nextDouble() < answerRate);
        }
    }
}
