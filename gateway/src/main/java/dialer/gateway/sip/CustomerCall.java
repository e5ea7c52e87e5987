package dialer.gateway.sip;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;

import javax.sip.Dialog;

import dialer.gateway.AnswerKind;
import dialer.gateway.CallHandle;
import dialer.gateway.CallListener;
import dialer.gateway.CallOutcome;

/** A call to a customer, as the driver's thread tracks it. */
final class CustomerCall {
    enum State {
        /** Waiting for its trunk's calls-per-second limit. */
        QUEUED,
        /** The INVITE is out, no answer yet. */
        INVITING,
        ANSWERED,
        /** Being connected to an agent leg by two re-INVITEs. */
        BRIDGING,
        BRIDGED,
        /** The safe-harbour message is playing. */
        PLAYING,
        ENDED
    }

    final CallHandle handle;
    final CallListener listener;
    final SdpOrigin origin = new SdpOrigin();
    final Set<String> triedTrunks = new HashSet<>();
    State state = State.QUEUED;
    /** The INVITE under way, or the one that was answered. */
    CallAttempt attempt;
    /** The listener has heard {@code ringing}. */
    boolean ringing;
    /** Set when the dialler or the ring time asked to stop before an answer: the outcome the 487 will mean. */
    CallOutcome cancelledAs;
    AnswerKind answerKind;
    String customerSdp;
    String lastSdpSent;
    AgentPhoneLeg agent;
    ScheduledFuture<?> timer;
    RtpPlayer.Playback playback;

    CustomerCall(CallHandle handle, CallListener listener) {
        this.handle = handle;
        this.listener = listener;
    }

    boolean answered() {
        return state == State.ANSWERED || state == State.BRIDGING || state == State.BRIDGED || state == State.PLAYING;
    }

    Dialog dialog() {
        return attempt.dialog;
    }

    /** How the call ends once answered: a machine when the gateway said so, answered otherwise. */
    CallOutcome answeredOutcome() {
        return answerKind == AnswerKind.MACHINE ? CallOutcome.MACHINE : CallOutcome.ANSWERED;
    }
}
