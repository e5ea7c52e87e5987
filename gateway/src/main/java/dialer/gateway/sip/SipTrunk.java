package dialer.gateway.sip;

import java.util.Optional;

import dialer.gateway.OriginateRequest;

/**
 * A way out to the telephone network: a SIP provider, or a SIP-to-E1 gateway.
 *
 * @param name              how campaigns and reports name it
 * @param host              where its SIP listens
 * @param callerId          the number shown to the called, when the trunk imposes one; otherwise the call's own
 * @param maxChannels       calls it carries at once (30 for each E1; what the provider sold)
 * @param maxCallsPerSecond new calls it accepts a second; a burst above it is spread out
 * @param order             failover order: when a call cannot go through a trunk, the next by order takes it
 */
public record SipTrunk(String name, String host, int port, SipTransport transport, Optional<DigestCredentials> credentials,
        Optional<String> callerId, NumberFormat numberFormat, int maxChannels, int maxCallsPerSecond, int order) {
    public SipTrunk {
        if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("a trunk's name is letters, digits, '.', '_' or '-': " + name);
        }
        if (host == null || host.isBlank() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("trunk " + name + ": not a host and port: " + host + ":" + port);
        }
        if (transport == null || credentials == null || callerId == null || numberFormat == null) {
            throw new IllegalArgumentException("trunk " + name + ": transport, credentials, caller ID and number format are required");
        }
        if (callerId.isPresent() && !OriginateRequest.CALLER_ID.matcher(callerId.get()).matches()) {
            throw new IllegalArgumentException("trunk " + name + ": a caller ID is a number or a word (digits, letters, + * # . _ -): "
                    + callerId.get());
        }
        if (maxChannels < 1 || maxCallsPerSecond < 1) {
            throw new IllegalArgumentException("trunk " + name + ": at least one channel and one call a second: "
                    + maxChannels + ", " + maxCallsPerSecond);
        }
    }

    /** A UDP trunk at {@code host:port} with E.164 numbers, no credentials, the calls' own caller ID. */
    public static SipTrunk of(String name, String host, int port, int maxChannels, int maxCallsPerSecond, int order) {
        return new SipTrunk(name, host, port, SipTransport.UDP, Optional.empty(), Optional.empty(), NumberFormat.E164,
                maxChannels, maxCallsPerSecond, order);
    }

    /** This trunk reached over {@code other} transport. */
    public SipTrunk withTransport(SipTransport other) {
        return new SipTrunk(name, host, port, other, credentials, callerId, numberFormat, maxChannels, maxCallsPerSecond, order);
    }

    /** This trunk, answering its digest challenges with {@code digest}. */
    public SipTrunk withCredentials(DigestCredentials digest) {
        return new SipTrunk(name, host, port, transport, Optional.of(digest), callerId, numberFormat, maxChannels, maxCallsPerSecond, order);
    }
}
