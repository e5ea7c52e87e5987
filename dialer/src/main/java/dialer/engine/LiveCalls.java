package dialer.engine;

import java.util.Collection;

/**
 * A runner's calls at one moment: those with their line up (not a preview still offered, not one in wrap-up),
 * and those of them answered and waiting for an agent.
 */
record LiveCalls(int up, int waitingForAgent) {
    static final LiveCalls NONE = new LiveCalls(0, 0);

    static LiveCalls of(Collection<LiveCall> calls) {
        int up = 0;
        int waiting = 0;
        for (LiveCall call : calls) {
            if (call.stage != LiveCall.Stage.WRAP_UP && call.stage != LiveCall.Stage.OFFERED) {
                up++;
            }
            if (call.stage == LiveCall.Stage.WAITING_FOR_AGENT || call.stage == LiveCall.Stage.BRIDGING) {
                waiting++;
            }
        }
        return new LiveCalls(up, waiting);
    }
}
