package dialer.pacing.estimate;

import java.time.Duration;
import java.util.Objects;

/** Conversions between {@link Duration} and the seconds (as {@code double}) the models compute in. */
final class Seconds {

    private static final Duration LONGEST = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);

    private Seconds() {
    }

    /** The duration in seconds; throws IllegalArgumentException when it is negative. */
    static double ofNonNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + duration);
        }
        return duration.getSeconds() + duration.getNano() / 1e9;
    }

    /** The duration of that many seconds, rounded to the nanosecond, saturating at the longest Duration. */
    static Duration toDuration(double seconds) {
        if (seconds >= Long.MAX_VALUE) {
            return LONGEST;
        }
        long whole = (long) Math.floor(seconds);
        long nanos = Math.round((seconds - whole) * 1e9);
        return Duration.ofSeconds(whole, nanos);
    }
}
