package dialer.pacing.estimate;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * The abandonment rate of one campaign over a sliding window (30 days in the US, 24 hours in the
 * UK): abandoned calls / live answers among the live answers of {@code (now - window, now]}.
 *
 * <p>Counts are kept in buckets {@code window / 1440} wide (rounded down to the millisecond, at
 * least 1 ms): 1 minute for a 24-hour window, 30 minutes for a 30-day one. A ring of
 * {@link #bucketCount()} buckets covers the window, so memory is fixed at construction (about 34 KB)
 * whatever the traffic, recording is O(1) and a query sums the ring. Precision: a query counts the
 * whole buckets whose start lies after {@code now - window} plus the bucket that holds {@code now},
 * so an answer is never counted once it is older than the window and is forgotten at most one
 * bucket width plus the rounding (together under {@code window / 720}) early.
 *
 * <p>Answers may be recorded out of order. One that lands in a slot already holding a bucket a
 * whole window newer is dropped: no query at or after that newer answer could count it.
 *
 * <p>Not thread-safe: confine an instance to the thread that owns the campaign.
 */
public final class AbandonmentMeter {

    private static final int BUCKETS_PER_WINDOW = 1440;
    private static final long NO_BUCKET = Long.MIN_VALUE;

    private final long bucketMillis;
    private final long[] bucketInSlot;
    private final long[] liveAnswersInSlot;
    private final long[] abandonedInSlot;

    /** @param window the span the rate covers, at least 1 ms */
    public AbandonmentMeter(Duration window) {
        Objects.requireNonNull(window, "window");
        if (window.compareTo(Duration.ofMillis(1)) < 0) {
            throw new IllegalArgumentException("window must be at least 1 ms, was " + window);
        }
        long windowMillis = window.toMillis();
        this.bucketMillis = Math.max(1, windowMillis / BUCKETS_PER_WINDOW);
        int slots = Math.toIntExact(windowMillis / bucketMillis);
        this.bucketInSlot = new long[slots];
        this.liveAnswersInSlot = new long[slots];
        this.abandonedInSlot = new long[slots];
        Arrays.fill(bucketInSlot, NO_BUCKET);
    }

    /** Records a live answer at {@code at}; {@code abandoned} when it reached no agent in time. */
    public void recordLiveAnswer(Instant at, boolean abandoned) {
        long bucket = bucketOf(Objects.requireNonNull(at, "at"));
        int slot = (int) Math.floorMod(bucket, (long) bucketInSlot.length);
        if (bucketInSlot[slot] > bucket) {
            return;
        }
        if (bucketInSlot[slot] < bucket) {
            bucketInSlot[slot] = bucket;
            liveAnswersInSlot[slot] = 0;
            abandonedInSlot[slot] = 0;
        }
        liveAnswersInSlot[slot]++;
        if (abandoned) {
            abandonedInSlot[slot]++;
        }
    }

    /** Abandoned calls / live answers in the window ending at {@code now}; 0 when there were no live answers. */
    public double rate(Instant now) {
        long liveAnswers = liveAnswers(now);
        return liveAnswers == 0 ? 0 : (double) abandoned(now) / liveAnswers;
    }

    /** The live answers, abandoned or not, in the window ending at {@code now}. */
    public long liveAnswers(Instant now) {
        return sumInWindow(liveAnswersInSlot, now);
    }

    /** The abandoned calls in the window ending at {@code now}. */
    public long abandoned(Instant now) {
        return sumInWindow(abandonedInSlot, now);
    }

    /** The width of one bucket: the precision of the window's start. */
    public Duration bucketWidth() {
        return Duration.ofMillis(bucketMillis);
    }

    /** The number of buckets kept, fixed at construction: about 1440. */
    public int bucketCount() {
        return bucketInSlot.length;
    }

    private long sumInWindow(long[] countInSlot, Instant now) {
        long newest = bucketOf(Objects.requireNonNull(now, "now"));
        long oldest = newest - bucketInSlot.length + 1;
        long total = 0;
        for (int slot = 0; slot < bucketInSlot.length; slot++) {
            if (bucketInSlot[slot] >= oldest && bucketInSlot[slot] <= newest) {
                total += countInSlot[slot];
            }
        }
        return total;
    }

    private long bucketOf(Instant instant) {
        return Math.floorDiv(instant.toEpochMilli(), bucketMillis);
    }
}
