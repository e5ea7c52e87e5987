package dialer.gateway.sip;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How the SIP driver runs.
 *
 * @param address           the local IP address it listens on (UDP and TCP) and writes into Via, Contact and SDP
 * @param port              its SIP port
 * @param mediaPort         the UDP port its SDP offers: it plays the safe-harbour message from there, and
 *                          ignores what arrives (a called person's voice before an agent is bridged)
 * @param keepAlive         how often each trunk is sent an OPTIONS
 * @param keepAliveTimeout  how long an OPTIONS may go unanswered before its trunk is counted as down
 * @param promptDirectory   where the WAV prompts are (8 kHz mono: 16-bit PCM, u-law or A-law)
 */
public record SipSettings(String address, int port, int mediaPort, Duration keepAlive, Duration keepAliveTimeout,
        Path promptDirectory, List<SipTrunk> trunks) {
    public SipSettings {
        if (address == null || !address.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") || address.equals("0.0.0.0")) {
            throw new IllegalArgumentException("the SIP address must be this machine's IPv4 address, not a wildcard: " + address);
        }
        if (port < 1 || port > 65535 || mediaPort < 1 || mediaPort > 65535) {
            throw new IllegalArgumentException("SIP port " + port + " and media port " + mediaPort + " must be 1 to 65535");
        }
        if (keepAlive == null || keepAlive.isNegative() || keepAlive.isZero()
                || keepAliveTimeout == null || keepAliveTimeout.isNegative() || keepAliveTimeout.isZero()) {
            throw new IllegalArgumentException("keep-alive interval and timeout must be positive: " + keepAlive + ", " + keepAliveTimeout);
        }
        if (promptDirectory == null || trunks == null || trunks.isEmpty()) {
            throw new IllegalArgumentException("the SIP driver needs a prompt directory and at least one trunk");
        }
        trunks = List.copyOf(trunks);
        Set<String> names = new HashSet<>();
        for (SipTrunk trunk : trunks) {
            if (!names.add(trunk.name())) {
                throw new IllegalArgumentException("two trunks are named " + trunk.name());
            }
        }
    }
}
