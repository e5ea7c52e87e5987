package dialer.gateway;

/** How a dialled call ended, as the dialler acts on it (retry rules, reports, the CRM's result). */
public enum CallOutcome {
    /** A person or machine picked up; whether a machine is told apart by {@link #MACHINE}. */
    ANSWERED,
    /** An answering machine picked up, as the gateway detected. */
    MACHINE,
    /** The line was busy. */
    BUSY,
    /** It rang, and nobody answered before the ring time ran out. */
    NO_ANSWER,
    /** The callee, or a network on their behalf, refused the call. */
    REJECTED,
    /** The number does not exist or is malformed: do not dial it again. */
    INVALID_NUMBER,
    /** No channel was free on the way (the trunk, the gateway's E1, or the network): try again later. */
    CONGESTION,
    /** The trunk or the network failed. */
    NETWORK_FAILURE
}
