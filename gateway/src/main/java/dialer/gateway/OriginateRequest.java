package dialer.gateway;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A call to place: through which trunk, to which number (E.164), showing which caller ID, ringing at most
 * how long before giving up, with the dialler's own reference for the call (its attempt id).
 */
public record OriginateRequest(String trunk, String numberE164, String callerId, Duration ringTimeout,
        String reference) {
    /** The shortest ring before giving up that the rules allow. */
    public static final Duration MIN_RING_TIMEOUT = Duration.ofSeconds(15);
    /** What a caller ID may be: it becomes the user part of a SIP URI. */
    public static final Pattern CALLER_ID = Pattern.compile("[+]?[0-9A-Za-z*#._-]{1,64}");

    public OriginateRequest {
        if (trunk == null || trunk.isBlank()) {
            throw new IllegalArgumentException("a trunk is required");
        }
        if (numberE164 == null || !numberE164.matches("\\+[1-9][0-9]{6,14}")) {
            throw new IllegalArgumentException("not an E.164 number: " + numberE164);
        }
        if (ringTimeout == null || ringTimeout.compareTo(MIN_RING_TIMEOUT) < 0) {
            throw new IllegalArgumentException("ring at least " + MIN_RING_TIMEOUT.toSeconds() + " s: " + ringTimeout);
        }
        if (callerId == null || !CALLER_ID.matcher(callerId).matches()) {
            throw new IllegalArgumentException("a caller ID is a number or a word (digits, letters, + * # . _ -): " + callerId);
        }
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("a reference is required");
        }
    }
}
