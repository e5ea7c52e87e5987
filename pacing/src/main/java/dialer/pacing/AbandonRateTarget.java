package dialer.pacing;

/** The abandonment cap a strategy keeps to: abandoned / live answers, strictly between 0 and 1. */
final class AbandonRateTarget {
    private AbandonRateTarget() {
    }

    /** {@code rate}, when it is a usable target. */
    static double checked(double rate) {
        if (!(rate > 0 && rate < 1)) {
            throw new IllegalArgumentException("target abandon rate must be within (0, 1): " + rate);
        }
        return rate;
    }
}
