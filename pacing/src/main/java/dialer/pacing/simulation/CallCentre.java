package dialer.pacing.simulation;

/**
 * The call centre a simulation runs: its agents and shift, and how the called people behave. Of all dials,
 * {@code liveAnswerRate} reach a live person, {@code machineRate} an answering machine (detected and hung
 * up), {@code busyRate} a busy line; the rest ring unanswered until {@code noAnswerTimeoutSeconds}.
 * Answered calls ring for a log-normal time of mean {@code ringMeanSeconds}; talk time has mean
 * {@code ahtSeconds}, spread {@code ahtCv} and shape {@code ahtShape}; every call is followed by
 * {@code wrapSeconds} of wrap-up.
 */
public record CallCentre(int agents, double hours, double liveAnswerRate, double machineRate, double busyRate,
        double ringMeanSeconds, double noAnswerTimeoutSeconds, double ahtSeconds, double ahtCv,
        HandleTimeShape ahtShape, double wrapSeconds) {
    /** How long a live answer may wait for an agent before it counts as abandoned. */
    public static final double ABANDON_AFTER_SECONDS = 2;
    /** The shortest ring before giving up that the rules allow. */
    public static final double MIN_NO_ANSWER_TIMEOUT_SECONDS = 15;

    public CallCentre {
        require(agents >= 1, "agents must be at least 1");
        require(hours > 0, "hours must be above 0");
        require(liveAnswerRate > 0 && liveAnswerRate <= 1, "answer rate must be within (0, 1]");
        require(machineRate >= 0 && busyRate >= 0, "machine and busy rates must not be negative");
        require(liveAnswerRate + machineRate + busyRate <= 1, "answer, machine and busy rates add up to more than 1");
        require(ringMeanSeconds > 0, "ring mean must be above 0");
        require(noAnswerTimeoutSeconds >= MIN_NO_ANSWER_TIMEOUT_SECONDS, "no-answer timeout must be at least 15 s");
        require(ahtSeconds > 0 && ahtCv > 0, "handle time and its spread must be above 0");
        require(wrapSeconds >= 0, "wrap-up must not be negative");
        require(ahtShape != null, "handle time shape is required");
    }

    /** A call centre with the usual defaults for what is not given. */
    public static CallCentre of(int agents, double hours, double liveAnswerRate, double ahtSeconds, double wrapSeconds) {
        return new CallCentre(agents, hours, liveAnswerRate, 0.05, 0.05, 8, 25, ahtSeconds, 0.8,
                HandleTimeShape.LOGNORMAL, wrapSeconds);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
