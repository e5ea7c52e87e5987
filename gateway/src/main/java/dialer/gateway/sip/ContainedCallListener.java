package dialer.gateway.sip;

import dialer.gateway.AgentLeg;
import dialer.gateway.AnswerKind;
import dialer.gateway.CallHandle;
import dialer.gateway.CallListener;
import dialer.gateway.CallOutcome;

/** A call's listener whose failures are logged and go no further: a listener's bug must not stop the driver's work. */
final class ContainedCallListener implements CallListener {
    private static final System.Logger LOG = System.getLogger(ContainedCallListener.class.getName());

    private final CallListener listener;

    ContainedCallListener(CallListener listener) {
        this.listener = listener;
    }

    @Override
    public void trying(CallHandle call, String trunk) {
        contained(call, "trying", () -> listener.trying(call, trunk));
    }

    @Override
    public void ringing(CallHandle call) {
        contained(call, "ringing", () -> listener.ringing(call));
    }

    @Override
    public void answered(CallHandle call) {
        contained(call, "answered", () -> listener.answered(call));
    }

    @Override
    public void detected(CallHandle call, AnswerKind kind) {
        contained(call, "detected", () -> listener.detected(call, kind));
    }

    @Override
    public void bridged(CallHandle call, AgentLeg agent) {
        contained(call, "bridged", () -> listener.bridged(call, agent));
    }

    @Override
    public void bridgeFailed(CallHandle call, AgentLeg agent, String rawCause) {
        contained(call, "bridgeFailed", () -> listener.bridgeFailed(call, agent, rawCause));
    }

    @Override
    public void ended(CallHandle call, CallOutcome outcome, String rawCause) {
        contained(call, "ended", () -> listener.ended(call, outcome, rawCause));
    }

    private static void contained(CallHandle call, String event, Runnable notification) {
        try {
            notification.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the listener of call " + call.id() + " failed on " + event, e);
        }
    }
}
