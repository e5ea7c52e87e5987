package dialer.gateway.sip;

import java.util.Map;
import java.util.OptionalInt;

import dialer.gateway.CallOutcome;

/**
 * How a SIP call's final response maps to a {@link CallOutcome}. A Q.850 cause in the response's
 * {@code Reason} header, which SIP-to-E1 gateways copy from the ISDN network, decides when this table
 * knows it; otherwise the SIP status does, by exact code, then by class. The same table is in
 * {@code docs/sip-outcomes.md}, and a test keeps the two equal.
 */
public final class SipOutcomes {
    /** SIP statuses with an outcome of their own. */
    static final Map<Integer, CallOutcome> BY_STATUS = Map.ofEntries(
            Map.entry(486, CallOutcome.BUSY),
            Map.entry(600, CallOutcome.BUSY),
            Map.entry(408, CallOutcome.NO_ANSWER),
            Map.entry(480, CallOutcome.NO_ANSWER),
            Map.entry(487, CallOutcome.NO_ANSWER),
            Map.entry(403, CallOutcome.REJECTED),
            Map.entry(603, CallOutcome.REJECTED),
            Map.entry(404, CallOutcome.INVALID_NUMBER),
            Map.entry(410, CallOutcome.INVALID_NUMBER),
            Map.entry(484, CallOutcome.INVALID_NUMBER),
            Map.entry(485, CallOutcome.INVALID_NUMBER),
            Map.entry(604, CallOutcome.INVALID_NUMBER),
            Map.entry(503, CallOutcome.CONGESTION),
            Map.entry(401, CallOutcome.NETWORK_FAILURE),
            Map.entry(407, CallOutcome.NETWORK_FAILURE),
            Map.entry(416, CallOutcome.NETWORK_FAILURE),
            Map.entry(420, CallOutcome.NETWORK_FAILURE),
            Map.entry(488, CallOutcome.NETWORK_FAILURE),
            Map.entry(500, CallOutcome.NETWORK_FAILURE),
            Map.entry(502, CallOutcome.NETWORK_FAILURE),
            Map.entry(504, CallOutcome.NETWORK_FAILURE));

    /** Q.850 causes with an outcome of their own; others leave the decision to the SIP status. */
    static final Map<Integer, CallOutcome> BY_Q850_CAUSE = Map.ofEntries(
            Map.entry(17, CallOutcome.BUSY),
            Map.entry(18, CallOutcome.NO_ANSWER),
            Map.entry(19, CallOutcome.NO_ANSWER),
            Map.entry(21, CallOutcome.REJECTED),
            Map.entry(1, CallOutcome.INVALID_NUMBER),
            Map.entry(3, CallOutcome.INVALID_NUMBER),
            Map.entry(22, CallOutcome.INVALID_NUMBER),
            Map.entry(28, CallOutcome.INVALID_NUMBER),
            Map.entry(34, CallOutcome.CONGESTION),
            Map.entry(42, CallOutcome.CONGESTION),
            Map.entry(44, CallOutcome.CONGESTION),
            Map.entry(27, CallOutcome.NETWORK_FAILURE),
            Map.entry(38, CallOutcome.NETWORK_FAILURE),
            Map.entry(41, CallOutcome.NETWORK_FAILURE),
            Map.entry(47, CallOutcome.NETWORK_FAILURE));

    private SipOutcomes() {
    }

    /**
     * The outcome of a call whose INVITE got the final response {@code status}.
     *
     * @param q850Cause the cause of a {@code Reason: Q.850;cause=N} header, if the response had one
     * @throws IllegalArgumentException for a status that is not a final response (below 200 or above 699)
     */
    public static CallOutcome of(int status, OptionalInt q850Cause) {
        if (status < 200 || status > 699) {
            throw new IllegalArgumentException("not a final SIP response: " + status);
        }
        if (status < 300) {
            return CallOutcome.ANSWERED;
        }
        if (q850Cause.isPresent() && BY_Q850_CAUSE.containsKey(q850Cause.getAsInt())) {
            return BY_Q850_CAUSE.get(q850Cause.getAsInt());
        }
        CallOutcome exact = BY_STATUS.get(status);
        if (exact != null) {
            return exact;
        }
        return status >= 500 && status < 600 ? CallOutcome.NETWORK_FAILURE : CallOutcome.REJECTED;
    }
}
