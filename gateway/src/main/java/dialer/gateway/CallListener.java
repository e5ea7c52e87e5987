package dialer.gateway;

/**
 * What happens to a placed call. In order: {@code trying} (again on each failover); maybe {@code ringing};
 * maybe {@code answered}, then maybe {@code detected} and {@code bridged} or {@code bridgeFailed}; then always {@code ended},
 * exactly once, after which nothing more. One call's events never overlap; they are called on the
 * driver's threads, never on the thread that called the driver: a listener hands each event to the
 * thread that owns the campaign and returns at once. It may call the driver.
 */
public interface CallListener {
    /**
     * The call was sent out through {@code trunk}. When that trunk fails it (a 503, no response) and another
     * takes it, this is called again with the other; a call that no trunk could take ends without it.
     */
    void trying(CallHandle call, String trunk);

    /** The callee's phone rings. */
    void ringing(CallHandle call);

    /** Somebody or something picked up: the 2 seconds to reach an agent start now. */
    void answered(CallHandle call);

    /** The gateway's answering-machine detection finished; not called where the gateway does none. */
    void detected(CallHandle call, AnswerKind kind);

    /** The call now talks to the agent's phone. */
    void bridged(CallHandle call, AgentLeg agent);

    /** The call could not be bridged (the customer had gone, the agent's phone refused); the leg stays as it was. */
    void bridgeFailed(CallHandle call, AgentLeg agent, String rawCause);

    /**
     * The call is over, for good.
     *
     * @param outcome  how it ended, for retries and reports
     * @param rawCause what the network said, as it said it (a SIP status and Q.850 cause), for the record
     */
    void ended(CallHandle call, CallOutcome outcome, String rawCause);
}
