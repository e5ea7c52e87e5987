package dialer.gateway.sip;

import java.util.concurrent.TimeUnit;

import dialer.gateway.TrunkHealth;

/**
 * One trunk as the driver sees it: channels in use, the next moment its calls-per-second limit lets a
 * call out, and whether it is up (it answers OPTIONS, and did not last answer an INVITE with 503).
 * Changed on the driver's thread only; {@link #health} may be read from any.
 */
final class TrunkState {
    private final SipTrunk trunk;
    private final long nanosBetweenCalls;
    private volatile int busyChannels;
    private volatile boolean up = true;
    private volatile String detail = "not yet asked";
    private long nextSendNanos = Long.MIN_VALUE;
    private long optionsSentNanos;
    private boolean optionsPending;

    TrunkState(SipTrunk trunk) {
        this.trunk = trunk;
        this.optionsSentNanos = System.nanoTime();
        this.nanosBetweenCalls = TimeUnit.SECONDS.toNanos(1) / trunk.maxCallsPerSecond();
    }

    SipTrunk trunk() {
        return trunk;
    }

    String name() {
        return trunk.name();
    }

    boolean up() {
        return up;
    }

    boolean hasFreeChannel() {
        return busyChannels < trunk.maxChannels();
    }

    /**
     * Takes a channel for a call and gives the moment (in {@link System#nanoTime} terms) at which the call
     * may be sent: now, unless calls were sent closer together than the trunk's calls per second allow.
     */
    long reserve(long nowNanos) {
        if (!hasFreeChannel()) {
            throw new IllegalStateException("trunk " + name() + " has no free channel");
        }
        busyChannels++;
        long sendAt = Math.max(nowNanos, nextSendNanos);
        nextSendNanos = sendAt + nanosBetweenCalls;
        return sendAt;
    }

    void release() {
        if (busyChannels == 0) {
            throw new IllegalStateException("trunk " + name() + " released more channels than it took");
        }
        busyChannels--;
    }

    void markUp(String why) {
        up = true;
        detail = why;
    }

    void markDown(String why) {
        up = false;
        detail = why;
    }

    /**
     * Whether an OPTIONS is to be sent now: none is awaiting its answer, and the last went out (or the
     * driver started) at least {@code intervalNanos} ago. Counts the trunk as down when the one awaited has gone unanswered longer
     * than {@code timeoutNanos}.
     */
    boolean keepAliveDue(long nowNanos, long intervalNanos, long timeoutNanos) {
        if (optionsPending) {
            if (up && nowNanos - optionsSentNanos > timeoutNanos) {
                markDown("no answer to OPTIONS for " + TimeUnit.NANOSECONDS.toMillis(nowNanos - optionsSentNanos) + " ms");
            }
            return false;
        }
        return nowNanos - optionsSentNanos >= intervalNanos;
    }

    void optionsSent(long nowNanos) {
        optionsPending = true;
        optionsSentNanos = nowNanos;
    }

    void optionsEnded() {
        optionsPending = false;
    }

    TrunkHealth health() {
        return new TrunkHealth(name(), up, detail, busyChannels, trunk.maxChannels());
    }
}
