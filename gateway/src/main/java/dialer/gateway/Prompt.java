package dialer.gateway;

import java.time.Duration;

/** A recorded message to play into a call: its name (a WAV file for the SIP driver) and its length. */
public record Prompt(String name, Duration length) {
}
