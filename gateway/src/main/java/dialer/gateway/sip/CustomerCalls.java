package dialer.gateway.sip;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.sip.ClientTransaction;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.message.Request;
import javax.sip.message.Response;

import dialer.gateway.AnswerKind;
import dialer.gateway.CallHandle;
import dialer.gateway.CallOutcome;

/**
 * Calls to customers, from the INVITE to the end: trunk choice and failover, the calls-per-second queue,
 * the ring timer and its CANCEL, digest challenges, answers, BYEs either way. On the driver's thread.
 */
final class CustomerCalls {
    /** How long a trunk may take to start ringing, on top of the ring time, before the call is given up. */
    static final Duration SETUP_ALLOWANCE = Duration.ofSeconds(15);
    private static final System.Logger LOG = System.getLogger(CustomerCalls.class.getName());

    private final SipContext context;
    private final AgentLegs agents;
    private final Map<String, CustomerCall> byId = new HashMap<>();

    CustomerCalls(SipContext context, AgentLegs agents) {
        this.context = context;
        this.agents = agents;
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
        TrunkState trunk = chosen.get();
        call.trunk = trunk;
        call.triedTrunks.add(trunk.name());
        call.state = CustomerCall.State.QUEUED;
        long now = System.nanoTime();
        long sendAt = trunk.reserve(now);
        if (sendAt <= now) {
            send(call);
        } else {
            context.thread.schedule(() -> send(call), sendAt - now, TimeUnit.NANOSECONDS);
        }
    }

    private void send(CustomerCall call) {
        if (call.state != CustomerCall.State.QUEUED) {
            return;
        }
        SipTrunk trunk = call.trunk.trunk();
        String callerId = trunk.callerId().orElse(call.handle.request().callerId());
        call.lastSdpSent = context.sessions.own(call.origin, false);
        Request invite = context.endpoint.invite(trunk.numberFormat().dialString(call.handle.request().numberE164()),
                trunk.host(), trunk.port(), trunk.transport(), callerId, call.lastSdpSent);
        try {
            call.invite = context.send(invite, new InviteResponses(call));
        } catch (SipException e) {
            call.trunk.markDown("cannot send to it: " + e.getMessage());
            failOver(call, CallOutcome.NETWORK_FAILURE, "cannot send the INVITE through " + trunk.name() + ": " + e.getMessage());
            return;
        }
        call.state = CustomerCall.State.INVITING;
        call.dialog = call.invite.getDialog();
        call.callId = SipContext.callId(invite);
        context.own(call.callId, new CustomerDialog(call));
        call.timer = context.after(call.handle.request().ringTimeout().plus(SETUP_ALLOWANCE), () -> ringTimeRanOut(call));
        call.listener.trying(call.handle, trunk.name());
    }

    /** Sends the call through the next trunk; ends it as {@code outcome} when no other trunk can take it. */
    private void failOver(CustomerCall call, CallOutcome outcome, String rawCause) {
        release(call);
        if (context.trunks.choose(call.handle.request().trunk(), call.triedTrunks).isPresent()) {
            LOG.log(System.Logger.Level.INFO, "call {0}: {1}; trying the next trunk", call.handle.id(), rawCause);
            place(call);
        } else {
            finish(call, outcome, rawCause);
        }
    }

    private void release(CustomerCall call) {
        if (call.trunk != null) {
            call.trunk.release();
            call.trunk = null;
        }
        if (call.callId != null) {
            context.disown(call.callId);
        }
        cancelTimer(call);
    }

    private final class InviteResponses implements ResponseHandler {
        private final CustomerCall call;

        InviteResponses(CustomerCall call) {
            this.call = call;
        }

        @Override
        public void response(Response response, ClientTransaction transaction) {
            int status = response.getStatusCode();
            if (call.state == CustomerCall.State.ENDED) {
                if (status / 100 == 2) {
                    hangUpLateAnswer(call, response);
                }
            } else if (status < 200) {
                provisional(call, status);
            } else if (status < 300) {
                answered(call, response);
            } else if ((status == 401 || status == 407) && !call.challenged && call.trunk.trunk().credentials().isPresent()) {
                challenge(call, response, transaction);
            } else if (status == 503) {
                call.trunk.markDown("answered an INVITE with " + Responses.rawCause(response));
                failOver(call, Responses.outcome(response), Responses.rawCause(response));
            } else {
                finish(call, call.cancelledAs != null ? call.cancelledAs : Responses.outcome(response), Responses.rawCause(response));
            }
        }

        @Override
        public void timedOut() {
            if (call.state == CustomerCall.State.INVITING) {
                call.trunk.markDown("did not answer an INVITE");
                failOver(call, CallOutcome.NETWORK_FAILURE, "no response from trunk " + call.trunk.name() + " to the INVITE");
            }
        }
    }

    private void provisional(CustomerCall call, int status) {
        call.provisional = true;
        if (call.cancelledAs != null && !call.cancelSent) {
            sendCancel(call);
        } else if (status >= 180 && !call.ringing) {
            call.ringing = true;
            cancelTimer(call);
            call.timer = context.after(call.handle.request().ringTimeout(), () -> ringTimeRanOut(call));
            call.listener.ringing(call.handle);
        }
    }

    private void answered(CustomerCall call, Response response) {
        call.dialog = call.invite.getDialog();
        try {
            context.endpoint.acknowledge(call.dialog, response);
        } catch (SipException e) {
            LOG.log(System.Logger.Level.WARNING, "call {0}: cannot acknowledge the answer: {1}", call.handle.id(), e.getMessage());
        }
        if (call.cancelledAs != null) {
            sendBye(call);
            finish(call, call.cancelledAs, "answered as the appliance cancelled; hung up");
            return;
        }
        cancelTimer(call);
        call.state = CustomerCall.State.ANSWERED;
        call.customerSdp = SipContext.body(response);
        call.listener.answered(call.handle);
        Responses.answerKind(response).ifPresent(kind -> detected(call, kind));
    }

    private void detected(CustomerCall call, AnswerKind kind) {
        if (call.answerKind == null) {
            call.answerKind = kind;
            call.listener.detected(call.handle, kind);
        }
    }

    private void challenge(CustomerCall call, Response response, ClientTransaction challenged) {
        call.challenged = true;
        try {
            call.invite = context.endpoint.answerChallenge(response, challenged, call.trunk.trunk().credentials().orElseThrow());
            context.expect(call.invite, new InviteResponses(call));
        } catch (SipException e) {
            finish(call, CallOutcome.NETWORK_FAILURE, "cannot answer the digest challenge: " + e.getMessage());
        }
    }

    private void hangUpLateAnswer(CustomerCall call, Response response) {
        try {
            context.endpoint.acknowledge(call.invite.getDialog(), response);
            context.endpoint.sendInDialog(call.invite.getDialog(), Request.BYE, null);
        } catch (SipException e) {
            LOG.log(System.Logger.Level.WARNING, "call {0} answered after it ended; cannot hang it up: {1}", call.handle.id(), e.getMessage());
        }
    }

    private void ringTimeRanOut(CustomerCall call) {
        if (call.state == CustomerCall.State.INVITING) {
            if (call.provisional) {
                if (call.cancelledAs == null) {
                    call.cancelledAs = CallOutcome.NO_ANSWER;
                }
                if (!call.cancelSent) {
                    sendCancel(call);
                }
            } else if (call.cancelledAs != null) {
                finish(call, call.cancelledAs, "hung up by the appliance; the trunk never responded");
            } else {
                finish(call, CallOutcome.NETWORK_FAILURE, "trunk " + call.trunk.name() + " did not start ringing in "
                        + call.handle.request().ringTimeout().plus(SETUP_ALLOWANCE).toSeconds() + " s");
            }
        }
    }

    private void sendCancel(CustomerCall call) {
        call.cancelSent = true;
        try {
            context.endpoint.cancel(call.invite);
        } catch (SipException e) {
            finish(call, call.cancelledAs, "cannot send CANCEL: " + e.getMessage());
        }
    }

    /** The dialler hangs up: CANCEL before an answer (once the trunk has responded), BYE after. */
    void hangup(CustomerCall call) {
        switch (call.state) {
            case QUEUED -> finish(call, CallOutcome.CANCELLED, "hung up by the appliance before it was sent");
            case INVITING -> {
                if (call.cancelledAs == null) {
                    call.cancelledAs = CallOutcome.CANCELLED;
                    if (call.provisional) {
                        sendCancel(call);
                    }
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
            context.endpoint.sendInDialog(call.dialog, Request.BYE, null);
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
            agents.customerLeft(agent);
        }
        call.listener.ended(call.handle, outcome, rawCause);
    }

    private void cancelTimer(CustomerCall call) {
        if (call.timer != null) {
            call.timer.cancel(false);
            call.timer = null;
        }
    }

    /** The customer's dialog: their BYE ends the call; their INFO may carry a machine detection. */
    private final class CustomerDialog implements DialogOwner {
        private final CustomerCall call;

        CustomerDialog(CustomerCall call) {
            this.call = call;
        }

        @Override
        public void hungUp(Request bye) {
            String reason = Responses.q850Cause(bye).isPresent() ? "; Q.850 cause " + Responses.q850Cause(bye).getAsInt() : "";
            finish(call, call.answered() ? call.answeredOutcome() : CallOutcome.CANCELLED, "BYE from the callee" + reason);
        }

        @Override
        public void informed(Request info) {
            if (call.answered()) {
                Responses.answerKind(info).ifPresent(kind -> detected(call, kind));
            }
        }

        @Override
        public void reinvited(Request invite, ServerTransaction transaction) {
            context.answer(transaction, invite, 200, call.lastSdpSent);
        }
    }
}
