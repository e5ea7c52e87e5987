package dialer.missed;

import java.util.List;

/**
 * A DID group as a client writes it, unchecked (any field may be null). {@code defaultRegion} and
 * {@code fallbackTimeZone} go to the group's callback campaign; absent, they are the default group's.
 */
public record DidGroupInput(String name, List<String> dids, String mode, Integer deadlineMinutes,
        String defaultRegion, String fallbackTimeZone) {
}
