package dialer.gateway.simulated;

import dialer.gateway.AgentLeg;
import dialer.gateway.AgentLegListener;

/** One simulated agent leg. Touched only on the driver's scheduler thread. */
final class SimulatedLeg {
    final AgentLeg leg;
    final AgentLegListener listener;
    boolean connected;
    SimulatedCall bridgedTo;

    SimulatedLeg(AgentLeg leg, AgentLegListener listener) {
        this.leg = leg;
        this.listener = listener;
    }
}
