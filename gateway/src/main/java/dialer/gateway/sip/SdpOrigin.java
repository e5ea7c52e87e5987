package dialer.gateway.sip;

import java.util.concurrent.ThreadLocalRandom;

/** One dialog's SDP origin: a session id of its own, and a version that grows with each body sent in it. */
final class SdpOrigin {
    private final long sessionId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
    private long version = sessionId;

    long sessionId() {
        return sessionId;
    }

    long nextVersion() {
        return ++version;
    }

    String nextLine(String address) {
        return "o=dialer " + sessionId + " " + nextVersion() + " IN IP4 " + address;
    }
}
