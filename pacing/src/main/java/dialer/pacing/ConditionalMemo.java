package dialer.pacing;

import java.time.Duration;
import java.util.function.ToDoubleFunction;

/**
 * Remembers, within one pacing decision, a probability computed for an elapsed time, with elapsed times
 * taken to the nearest {@code resolution}: calls dialled together, or agents connected together, cost one
 * computation, not one each. Reused from decision to decision without clearing. Not thread-safe.
 */
final class ConditionalMemo {
    private final long resolutionNanos;
    private final double[] values;
    private final long[] decisionOf;
    private long decision;

    /** For elapsed times up to {@code resolution * slots}; longer ones are computed each time. */
    ConditionalMemo(Duration resolution, int slots) {
        this.resolutionNanos = resolution.toNanos();
        this.values = new double[slots];
        this.decisionOf = new long[slots];
    }

    /** Forgets what the previous decision computed (its models may have changed). */
    void nextDecision() {
        decision++;
    }

    /** The probability for {@code elapsed}, rounded to the resolution, computed once per decision. */
    double get(Duration elapsed, ToDoubleFunction<Duration> probability) {
        long slot = (elapsed.toNanos() + resolutionNanos / 2) / resolutionNanos;
        if (slot >= values.length) {
            return probability.applyAsDouble(elapsed);
        }
        int index = (int) slot;
        if (decisionOf[index] != decision) {
            decisionOf[index] = decision;
            values[index] = probability.applyAsDouble(Duration.ofNanos(slot * resolutionNanos));
        }
        return values[index];
    }
}
