package dialer.pacing.simulation;

import java.time.Duration;

import dialer.pacing.estimate.LogNormalDuration;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/** The shape of the talk-time distribution, given its mean and coefficient of variation. */
public enum HandleTimeShape {
    LOGNORMAL {
        @Override
        RealDistribution distribution(RandomGenerator random, double mean, double cv) {
            return LogNormalDuration.ofMeanAndCoefficientOfVariation(Duration.ofNanos(Math.round(mean * 1e9)), cv)
                    .toDistribution(random);
        }
    },
    GAMMA {
        @Override
        RealDistribution distribution(RandomGenerator random, double mean, double cv) {
            double shape = 1 / (cv * cv);
            return new GammaDistribution(random, shape, mean / shape);
        }
    },
    /** Memoryless; its coefficient of variation is always 1. */
    EXPONENTIAL {
        @Override
        RealDistribution distribution(RandomGenerator random, double mean, double cv) {
            return new ExponentialDistribution(random, mean);
        }
    };

    abstract RealDistribution distribution(RandomGenerator random, double mean, double cv);
}
