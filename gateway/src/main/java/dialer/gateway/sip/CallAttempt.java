package dialer.gateway.sip;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;

/**
 * One INVITE of a customer call through one trunk. A call that fails over makes a new attempt; the
 * responses to an old one are still handled (a late answer is hung up, a late ring is cancelled).
 */
final class CallAttempt {
    final TrunkState trunk;
    ClientTransaction invite;
    Dialog dialog;
    String callId;
    /** The trunk has sent a 1xx: a CANCEL may now be sent. */
    boolean provisional;
    boolean cancelSent;
    boolean challenged;
    boolean ringTimerArmed;
    boolean trunkReleased;

    CallAttempt(TrunkState trunk) {
        this.trunk = trunk;
    }
}
