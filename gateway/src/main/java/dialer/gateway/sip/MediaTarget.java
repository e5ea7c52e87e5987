package dialer.gateway.sip;

import java.net.InetSocketAddress;

/** Where a party wants its audio sent, and in which G.711 law (RTP payload type 0 u-law, 8 A-law). */
record MediaTarget(InetSocketAddress address, int payloadType) {
    static final int PCMU = 0;
    static final int PCMA = 8;

    MediaTarget {
        if (payloadType != PCMU && payloadType != PCMA) {
            throw new IllegalArgumentException("not a G.711 payload type: " + payloadType);
        }
    }
}
