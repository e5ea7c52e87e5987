package dialer.gateway.simulated;

import java.util.Random;

import dialer.gateway.AgentLeg;
import dialer.gateway.CallHandle;
import dialer.gateway.CallListener;

/** One simulated call: what it will meet, and where it is. Touched only on the driver's scheduler thread. */
final class SimulatedCall {
    enum State { TRYING, RINGING, ANSWERED, BRIDGED, PLAYING, ENDED }

    final CallHandle handle;
    final CallListener listener;
    /** This call's own random source, so that a seed gives the same calls whatever the timing. */
    final Random random;
    State state = State.TRYING;
    boolean machine;
    AgentLeg agent;

    SimulatedCall(CallHandle handle, CallListener listener, Random random) {
        this.handle = handle;
        this.listener = listener;
        this.random = random;
    }

    boolean isAnswered() {
        return state == State.ANSWERED || state == State.BRIDGED || state == State.PLAYING;
    }
}
