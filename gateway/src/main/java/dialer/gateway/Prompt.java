package dialer.gateway;

import java.time.Duration;

/** A recorded message to play into a call: its name (a WAV file for the SIP driver) and its length. */
public record Prompt(String name, Duration length) {
    public Prompt {
        if (name == null || name.isBlank() || length == null || length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("a prompt needs a name and a length: " + name + ", " + length);
        }
    }
}
