package dialer.gateway.sip;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.message.Request;

import dialer.gateway.CallHandle;
import dialer.gateway.CallOutcome;

/**
 * Calls to customers, from the INVITE to the end: trunk choice and failover, the calls-per-second queue,
 * the ring timer and its CANCEL, hanging up either way. What the trunk answers is {@link InviteResponses}'s.
 * On the driver's thread.
 */
final class CustomerCalls {
    /** How long a trunk may take to start ringing, on top of the ring time, before the call is given up. */
    static final Duration SETUP_ALLOWANCE = Duration.ofSeconds(15);
    /** How long a CANCEL may wait for the 487 that ends its INVITE (64 x T1) before the call is ended anyway. */
    static final Duration CANCEL_GUARD = Duration.ofSeconds(32);
    private static final System.Logger LOG = System.getLogger(CustomerCalls.class.getName());

    final SipContext context;
    private final Consumer<AgentPhoneLeg> customerLeftAgent;
    private final Map<String, CustomerCall> byId = new HashMap<>();

    /** @param customerLeftAgent what to do with an agent's leg whose customer's call ended */
    CustomerCalls(SipContext context, Consumer<AgentPhoneLeg> customerLeftAgent) {
        this.context = context;
        this.customerLeftAgent = customerLeftAgent;
    }

    CustomerCall get(CallHandle handle) {
        return byId.get(handle.id());
    }

    Collection<CustomerCall> all() {
        return List.copyOf(byId.values());
    }

    /** Sends {@code call} out through the best trunk it has not tried, or ends it when there is none. */
    void place(CustomerCall call) {
        byId.put(call.handle.id(), call);
        Optional<TrunkState> chosen = context.trunks.choose(call.handle.request().trunk(), call.triedTrunks);
        if (chosen.isEmpty()) {
            finish(call, CallOutcome.CONGESTION, "no channel free on any trunk: not sent");
            return;
        }
        CallAttempt attempt = new CallAttempt(chosen.get());
        call.attempt = attempt;
        call.triedTrunks.add(attempt.trunk.name());
        call.state = CustomerCall.State.QUEUED;
        long now = System.nanoTime();
        long sendAt = attempt.trunk.reserve(now);
        if (sendAt <= now) {
            send(call, attempt);
        } else {
            context.thread.schedule(() -> send(call, attempt), sendAt - now, TimeUnit.NANOSECONDS);
        }
    }

    private void send(CustomerCall call, CallAttempt attempt) {
        if (call.state != CustomerCall.State.QUEUED || call.attempt != attempt) {
            return;
        }
        SipTrunk trunk = attempt.trunk.trunk();
        try {
            call.lastSdpSent = context.sessions.own(call.origin, false);
            Request invite = context.endpoint.requests().invite(trunk.numberFormat().dialString(call.handle.request().numberE164()),
                    trunk.host(), trunk.port(), trunk.transport(), trunk.callerId().orElse(call.handle.request().callerId()), call.lastSdpSent);
            attempt.invite = context.send(invite, new InviteResponses(this, call, attempt));
            attempt.dialog = attempt.invite.getDialog();
            attempt.callId = SipContext.callId(invite);
        } catch (SipException e) {
            attempt.trunk.markDown("cannot send to it: " + e.getMessage());
            failOver(call, CallOutcome.NETWORK_FAILURE, "cannot send the INVITE through " + trunk.name() + ": " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            finish(call, CallOutcome.NETWORK_FAILURE, "cannot build the INVITE: " + e.getMessage());
            return;
        }
        call.state = CustomerCall.State.INVITING;
        context.own(attempt.callId, new CustomerDialog(this, call));
        setTimer(call, call.handle.request().ringTimeout().plus(SETUP_ALLOWANCE), () -> ringTimeRanOut(call, attempt));
        call.listener.trying(call.handle, trunk.name());
    }

    /**
     * Sends the call through the next trunk; ends it as {@code outcome} when no other trunk can take it, or
     * when the dialler has hung up meanwhile.
     */
    void failOver(CustomerCall call, CallOutcome outcome, String rawCause) {
        release(call);
        if (call.cancelledAs != null) {
            finish(call, call.cancelledAs, rawCause + "; hung up by the appliance meanwhile");
        } else if (context.trunks.choose(call.handle.request().trunk(), call.triedTrunks).isPresent()) {
            LOG.log(System.Logger.Level.INFO, "call {0}: {1}; trying the next trunk", call.handle.id(), rawCause);
            place(call);
        } else {
            finish(call, outcome, rawCause);
        }
    }

    /** The call rings: the ring time starts now, once an attempt. */
    void ringing(CustomerCall call, CallAttempt attempt) {
        if (!attempt.ringTimerArmed) {
            attempt.ringTimerArmed = true;
            setTimer(call, call.handle.request().ringTimeout(), () -> ringTimeRanOut(call, attempt));
        }
        if (!call.ringing) {
            call.ringing = true;
            call.listener.ringing(call.handle);
        }
    }

    private void ringTimeRanOut(CustomerCall call, CallAttempt attempt) {
        if (call.state != CustomerCall.State.INVITING || call.attempt != attempt) {
            return;
        }
        if (attempt.provisional) {
            if (call.cancelledAs == null) {
                call.cancelledAs = CallOutcome.NO_ANSWER;
            }
            cancel(call, attempt);
        } else if (call.cancelledAs != null) {
            finish(call, call.cancelledAs, "hung up by the appliance; the trunk never responded");
        } else {
            attempt.trunk.markDown("did not respond to an INVITE in " + call.handle.request().ringTimeout().plus(SETUP_ALLOWANCE).toSeconds() + " s");
            finish(call, CallOutcome.NETWORK_FAILURE, "no response from trunk " + attempt.trunk.name() + " to the INVITE in "
                    + call.handle.request().ringTimeout().plus(SETUP_ALLOWANCE).toSeconds() + " s");
        }
    }

    /** Sends CANCEL for the attempt, once; the call ends with its 487, or after {@link #CANCEL_GUARD} without one. */
    void cancel(CustomerCall call, CallAttempt attempt) {
        if (attempt.cancelSent) {
            return;
        }
        attempt.cancelSent = true;
        try {
            context.endpoint.cancel(attempt.invite);
        } catch (SipException e) {
            LOG.log(System.Logger.Level.WARNING, "call {0}: cannot send CANCEL: {1}", call.handle.id(), e.getMessage());
        }
        if (call.attempt == attempt && call.state == CustomerCall.State.INVITING) {
            setTimer(call, CANCEL_GUARD, () -> finish(call, call.cancelledAs, "no 487 after the CANCEL in " + CANCEL_GUARD.toSeconds() + " s"));
        }
    }

    /** The dialler hangs up: CANCEL before an answer (once the trunk has responded), BYE after. */
    void hangup(CustomerCall call) {
        switch (call.state) {
            case QUEUED -> finish(call, CallOutcome.CANCELLED, "hung up by the appliance before it was sent");
            case INVITING -> {
                if (call.cancelledAs == null) {
                    call.cancelledAs = CallOutcome.CANCELLED;
                }
                if (call.attempt.provisional) {
                    cancel(call, call.attempt);
                }
            }
            case ENDED -> {
            }
            default -> {
                sendBye(call);
                finish(call, call.answeredOutcome(), "BYE from the appliance");
            }
        }
    }

    void sendBye(CustomerCall call) {
        try {
            context.endpoint.sendInDialog(call.dialog(), Request.BYE, null);
        } catch (SipException e) {
            LOG.log(System.Logger.Level.WARNING, "call {0}: cannot send BYE: {1}", call.handle.id(), e.getMessage());
        }
    }

    /** Ends the call for good: its channel is freed, its agent leg (if any) goes back to silence, its listener hears it. */
    void finish(CustomerCall call, CallOutcome outcome, String rawCause) {
        if (call.state == CustomerCall.State.ENDED) {
            return;
        }
        call.state = CustomerCall.State.ENDED;
        release(call);
        byId.remove(call.handle.id());
        if (call.playback != null) {
            call.playback.stop();
        }
        if (call.agent != null) {
            AgentPhoneLeg agent = call.agent;
            call.agent = null;
            customerLeftAgent.accept(agent);
        }
        call.listener.ended(call.handle, outcome, rawCause);
    }

    private void release(CustomerCall call) {
        CallAttempt attempt = call.attempt;
        if (attempt != null && !attempt.trunkReleased) {
            attempt.trunkReleased = true;
            attempt.trunk.release();
            if (attempt.callId != null) {
                context.disown(attempt.callId);
            }
        }
        setTimer(call, null, null);
    }

    private void setTimer(CustomerCall call, Duration delay, Runnable task) {
        if (call.timer != null) {
            call.timer.cancel(false);
            call.timer = null;
        }
        if (delay != null) {
            call.timer = context.after(delay, task);
        }
    }

    /** The customer's dialog: their BYE ends the call; their INFO may carry a machine detection. */
    private record CustomerDialog(CustomerCalls calls, CustomerCall call) implements DialogOwner {
        @Override
        public void hungUp(Request bye) {
            String reason = Responses.q850Cause(bye).isPresent() ? "; Q.850 cause " + Responses.q850Cause(bye).getAsInt() : "";
            calls.finish(call, call.answered() ? call.answeredOutcome() : CallOutcome.CANCELLED, "BYE from the callee" + reason);
        }

        @Override
        public void informed(Request info) {
            if (call.answered()) {
                Responses.answerKind(info).ifPresent(kind -> InviteResponses.detected(call, kind));
            }
        }

        @Override
        public void reinvited(Request invite, ServerTransaction transaction) {
            boolean ownPending = call.state == CustomerCall.State.BRIDGING;
            calls.context.answer(transaction, invite, ownPending ? 491 : 200, ownPending ? null : call.lastSdpSent);
        }
    }
}
