package dialer.gateway.sip;

import java.util.Locale;

/** How SIP messages travel to a trunk or a phone. */
public enum SipTransport {
    UDP,
    TCP;

    /** The name JAIN-SIP and the {@code transport} URI parameter use. */
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
