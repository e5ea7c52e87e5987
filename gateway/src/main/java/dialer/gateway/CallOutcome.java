package dialer.gateway;

/** How a dialled call ended, as the dialler acts on it (retry rules, reports, the CRM's result). */
public enum CallOutcome {
    /** Picked up, by a person or by something the gateway did not tell apart from one. */
    ANSWERED,
    /** Picked up by an answering machine, as the gateway detected and said in its answer. */
    MACHINE,
    /** The line was busy. */
    BUSY,
    /** It rang, and nobody answered before the ring time ran out. */
    NO_ANSWER,
    /** The dialler hung up before anyone answered (not the callee's doing: no retry is spent on it). */
    CANCELLED,
    /** The callee, or a network on their behalf, refused the call. */
    REJECTED,
    /** The number does not exist or is malformed: do not dial it again. */
    INVALID_NUMBER,
    /** No channel was free on the way (the trunk, the gateway's E1, or the network): try again later. */
    CONGESTION,
    /** The trunk or the network failed, or the appliance's own SIP configuration is wrong. */
    NETWORK_FAILURE
}
