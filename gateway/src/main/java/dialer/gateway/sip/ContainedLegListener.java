package dialer.gateway.sip;

import dialer.gateway.AgentLeg;
import dialer.gateway.AgentLegListener;

/** An agent leg's listener whose failures are logged and go no further. */
final class ContainedLegListener implements AgentLegListener {
    private static final System.Logger LOG = System.getLogger(ContainedLegListener.class.getName());

    private final AgentLegListener listener;

    ContainedLegListener(AgentLegListener listener) {
        this.listener = listener;
    }

    @Override
    public void connected(AgentLeg leg) {
        try {
            listener.connected(leg);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the listener of agent leg " + leg.id() + " failed on connected", e);
        }
    }

    @Override
    public void dropped(AgentLeg leg, String rawCause) {
        try {
            listener.dropped(leg, rawCause);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the listener of agent leg " + leg.id() + " failed on dropped", e);
        }
    }
}
