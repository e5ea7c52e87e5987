package dialer.pacing.simulation;

import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * The calls a campaign's dials meet, one after the other, the same for a seed whatever strategy dials
 * them: the n-th dial of every strategy meets the same person, so that strategies are compared on the
 * same stream. Each dial draws the same amount of randomness whatever its outcome.
 */
final class CallStream {
    private static final double RING_CV = 0.5;
    private static final double BUSY_SECONDS = 3;
    private static final double MACHINE_DETECTION_SECONDS = 2.5;

    private final CallCentre centre;
    private final RandomGenerator random;
    private final RealDistribution ring;
    private final RealDistribution talk;

    CallStream(CallCentre centre, long seed) {
        this.centre = centre;
        this.random = new Well19937c(seed);
        this.ring = HandleTimeShape.LOGNORMAL.distribution(random, centre.ringMeanSeconds(), RING_CV);
        this.talk = centre.ahtShape().distribution(random, centre.ahtSeconds(), centre.ahtCv());
    }

    DialledCall next() {
        double kind = random.nextDouble();
        double ringSeconds = Math.min(ring.sample(), centre.noAnswerTimeoutSeconds());
        double talkSeconds = talk.sample();
        if (kind < centre.liveAnswerRate()) {
            return new DialledCall(DialledCall.Outcome.LIVE, ringSeconds, talkSeconds);
        }
        if (kind < centre.liveAnswerRate() + centre.machineRate()) {
            return new DialledCall(DialledCall.Outcome.MACHINE, ringSeconds + MACHINE_DETECTION_SECONDS, 0);
        }
        if (kind < centre.liveAnswerRate() + centre.machineRate() + centre.busyRate()) {
            return new DialledCall(DialledCall.Outcome.BUSY, BUSY_SECONDS, 0);
        }
        return new DialledCall(DialledCall.Outcome.NO_ANSWER, centre.noAnswerTimeoutSeconds(), 0);
    }
}
