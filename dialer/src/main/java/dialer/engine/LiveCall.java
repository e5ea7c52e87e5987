package dialer.engine;

import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

import dialer.agent.AgentDesk;
import dialer.gateway.CallHandle;
import dialer.lease.LeasedContact;

/**
 * A call a campaign placed (or, in preview mode, offered to an agent before placing it), as its runner
 * follows it; owned by the runner's thread.
 */
final class LiveCall {
    enum Stage { OFFERED, DIALLING, WAITING_FOR_AGENT, BRIDGING, BRIDGED, WRAP_UP, SAFE_HARBOUR, CLOSING }

    final LeasedContact contact;
    Instant dialledAt;
    CallHandle handle;
    Stage stage = Stage.DIALLING;
    Instant answeredAt;
    Instant bridgedAt;
    AgentDesk.Claim agent;
    boolean machine;
    ScheduledFuture<?> deadline;
    /** The 2 seconds to reach an agent ran out (a bridge under way may still fail). */
    boolean deadlinePassed;
    /** Writes the call's end again, when writing it failed. */
    Runnable close;

    LiveCall(LeasedContact contact, Instant dialledAt) {
        this.contact = contact;
        this.dialledAt = dialledAt;
    }
}
