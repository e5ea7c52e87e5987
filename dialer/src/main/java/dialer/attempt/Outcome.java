package dialer.attempt;

import java.util.Optional;

import dialer.campaign.RetryRule;
import dialer.campaign.RetryRules;
import dialer.gateway.CallOutcome;

/** How an attempt ended, as the attempts table records it and the campaign's retry rules read it. */
public enum Outcome {
    /** A live person was connected to an agent: the agent's disposition decides what follows. */
    CONNECTED,
    MACHINE,
    BUSY,
    NO_ANSWER,
    REJECTED,
    INVALID_NUMBER,
    CONGESTION,
    NETWORK_FAILURE,
    /** The dialler hung up before an answer (the campaign stopped, the node closed). */
    CANCELLED,
    /** A live answer reached no agent within 2 seconds: the safe-harbour message played. */
    ABANDONED,
    /** The node that placed it went away before it ended; nobody knows how the call went. */
    INTERRUPTED;

    /** The outcome of a call that ended without reaching an agent. */
    public static Outcome of(CallOutcome network) {
        return switch (network) {
            case ANSWERED -> ABANDONED;
            case MACHINE -> MACHINE;
            case BUSY -> BUSY;
            case NO_ANSWER -> NO_ANSWER;
            case CANCELLED -> CANCELLED;
            case REJECTED -> REJECTED;
            case INVALID_NUMBER -> INVALID_NUMBER;
            case CONGESTION -> CONGESTION;
            case NETWORK_FAILURE -> NETWORK_FAILURE;
        };
    }

    /** The campaign's rule for retrying after this outcome; empty for an outcome never retried. */
    public Optional<RetryRule> retryRule(RetryRules rules) {
        return Optional.ofNullable(switch (this) {
            case BUSY -> rules.busy();
            case NO_ANSWER, REJECTED -> rules.noAnswer();
            case MACHINE -> rules.machine();
            case ABANDONED -> rules.abandoned();
            case CONGESTION, NETWORK_FAILURE, CANCELLED, INTERRUPTED -> rules.failed();
            case CONNECTED, INVALID_NUMBER -> null;
        });
    }
}
