package dialer.gateway;

/**
 * What happens to a placed call, in this order: {@code trying}, maybe {@code ringing}, maybe
 * {@code answered}, then always {@code ended}, exactly once. Called on the driver's threads: a listener
 * hands the event over to the thread that owns the campaign, and returns at once.
 */
public interface CallListener {
    /** The network took the call. */
    void trying(CallHandle call);

    /** The callee's phone rings. */
    void ringing(CallHandle call);

    /** The callee answered; {@code machine} when the gateway detected an answering machine. */
    void answered(CallHandle call, boolean machine);

    /**
     * The call is over, for good.
     *
     * @param outcome  how it ended, for retries and reports
     * @param rawCause what the network said, as it said it (a SIP status and Q.850 cause), for the record
     */
    void ended(CallHandle call, CallOutcome outcome, String rawCause);
}
