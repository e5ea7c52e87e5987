package dialer.gateway.sip;

import java.util.concurrent.ScheduledFuture;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;

import dialer.gateway.AgentLeg;
import dialer.gateway.AgentLegListener;

/** The nailed-up call to an agent's phone, as the driver's thread tracks it. */
final class AgentPhoneLeg {
    enum State {
        CALLING,
        /** Up and held silent, free for a customer. */
        IDLE,
        /** Being re-INVITEd towards a customer, or back to silence after one. */
        UPDATING,
        BRIDGED,
        ENDED
    }

    final AgentLeg leg;
    final AgentLegListener listener;
    final SdpOrigin origin = new SdpOrigin();
    State state = State.CALLING;
    ClientTransaction invite;
    Dialog dialog;
    String callId;
    String phoneSdp;
    String lastSdpSent;
    CustomerCall customer;
    boolean provisional;
    boolean disconnectRequested;
    ScheduledFuture<?> timer;
    /** Logged out while a re-INVITE was under way: the BYE goes once that transaction has ended. */
    boolean byeAfterUpdate;
    /** What to do once the leg is idle again: a bridge that waited for the leg's return to silence. */
    Runnable onIdle;

    AgentPhoneLeg(AgentLeg leg, AgentLegListener listener) {
        this.leg = leg;
        this.listener = listener;
    }
}
