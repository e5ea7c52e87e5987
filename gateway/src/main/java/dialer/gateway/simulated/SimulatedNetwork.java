package dialer.gateway.simulated;

/**
 * The people a {@link SimulatedGatewayDriver}'s calls reach: of all dials, {@code liveAnswerRate} reach a
 * live person, {@code machineRate} an answering machine, {@code busyRate} a busy line and
 * {@code invalidRate} a number that does not exist; the rest ring out. Answers come after an exponential
 * ring of mean {@code ringMeanSeconds}; a person talks for an exponential time of mean
 * {@code talkMeanSeconds} once bridged, and hangs up after {@code silenceSeconds} of waiting when not.
 * The trunk has {@code maxChannels}. Time runs {@code speed} times faster than the wall clock.
 */
public record SimulatedNetwork(double liveAnswerRate, double machineRate, double busyRate, double invalidRate,
        double ringMeanSeconds, double talkMeanSeconds, double silenceSeconds, int maxChannels, double speed) {

    public SimulatedNetwork {
        double known = liveAnswerRate + machineRate + busyRate + invalidRate;
        if (!(liveAnswerRate >= 0 && machineRate >= 0 && busyRate >= 0 && invalidRate >= 0 && known <= 1)) {
            throw new IllegalArgumentException("rates must not be negative nor add up to more than 1");
        }
        if (!(ringMeanSeconds > 0 && talkMeanSeconds > 0 && silenceSeconds > 0 && speed > 0) || maxChannels < 1) {
            throw new IllegalArgumentException("durations, speed and channels must be positive");
        }
    }

    /** A typical outbound list on a 30-channel E1, in real time. */
    public static SimulatedNetwork typical() {
        return new SimulatedNetwork(0.3, 0.05, 0.05, 0.02, 8, 180, 30, 30, 1);
    }
}
