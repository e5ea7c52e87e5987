package dialer.gateway.sip;

import javax.sip.ClientTransaction;
import javax.sip.SipException;
import javax.sip.message.Request;
import javax.sip.message.Response;

import dialer.gateway.AnswerKind;
import dialer.gateway.CallOutcome;

/**
 * What a trunk answers to one attempt's INVITE: rings, the answer, a digest challenge, a 503 that fails
 * the call over, a final refusal. Responses to an attempt the call has left behind are cleaned up: a late
 * ring is cancelled, a late answer acknowledged and hung up.
 */
final class InviteResponses implements ResponseHandler {
    private static final System.Logger LOG = System.getLogger(InviteResponses.class.getName());

    private final CustomerCalls calls;
    private final CustomerCall call;
    private final CallAttempt attempt;

    InviteResponses(CustomerCalls calls, CustomerCall call, CallAttempt attempt) {
        this.calls = calls;
        this.call = call;
        this.attempt = attempt;
    }

    @Override
    public void response(Response response, ClientTransaction transaction) {
        int status = response.getStatusCode();
        if (status < 200) {
            attempt.provisional = true;
        }
        if (call.state == CustomerCall.State.ENDED || call.attempt != attempt) {
            leftBehind(status, response);
        } else if (status < 200) {
            if (call.cancelledAs != null) {
                calls.cancel(call, attempt);
            } else if (status >= 180) {
                calls.ringing(call, attempt);
            }
        } else if (status < 300) {
            answered(response);
        } else if ((status == 401 || status == 407) && !attempt.challenged && attempt.trunk.trunk().credentials().isPresent()) {
            challenge(response, transaction);
        } else if (status == 503) {
            attempt.trunk.markDown("answered an INVITE with " + Responses.rawCause(response));
            calls.failOver(call, Responses.outcome(response), Responses.rawCause(response));
        } else {
            calls.finish(call, call.cancelledAs != null ? call.cancelledAs : Responses.outcome(response), Responses.rawCause(response));
        }
    }

    @Override
    public void timedOut() {
        if (call.state == CustomerCall.State.INVITING && call.attempt == attempt) {
            attempt.trunk.markDown("did not answer an INVITE");
            calls.failOver(call, CallOutcome.NETWORK_FAILURE, "no response from trunk " + attempt.trunk.name() + " to the INVITE");
        }
    }

    private void leftBehind(int status, Response response) {
        try {
            if (status >= 200 && status < 300) {
                calls.context.endpoint.acknowledge(attempt.invite.getDialog(), response);
                calls.context.endpoint.sendInDialog(attempt.invite.getDialog(), Request.BYE, null);
            } else if (status < 200 && !attempt.cancelSent) {
                attempt.cancelSent = true;
                calls.context.endpoint.cancel(attempt.invite);
            }
        } catch (SipException e) {
            LOG.log(System.Logger.Level.WARNING, "call {0}: cannot end an INVITE it left behind: {1}", call.handle.id(), e.getMessage());
        }
    }

    private void answered(Response response) {
        attempt.dialog = attempt.invite.getDialog();
        try {
            calls.context.endpoint.acknowledge(attempt.dialog, response);
        } catch (SipException e) {
            LOG.log(System.Logger.Level.WARNING, "call {0}: cannot acknowledge the answer: {1}", call.handle.id(), e.getMessage());
        }
        if (call.cancelledAs != null) {
            calls.sendBye(call);
            calls.finish(call, call.cancelledAs, "answered as the appliance cancelled; hung up");
            return;
        }
        if (call.timer != null) {
            call.timer.cancel(false);
            call.timer = null;
        }
        call.state = CustomerCall.State.ANSWERED;
        call.customerSdp = SipContext.body(response);
        call.listener.answered(call.handle);
        Responses.answerKind(response).ifPresent(kind -> detected(call, kind));
    }

    /** The gateway's answering-machine detection, told once. */
    static void detected(CustomerCall call, AnswerKind kind) {
        if (call.answerKind == null) {
            call.answerKind = kind;
            call.listener.detected(call.handle, kind);
        }
    }

    private void challenge(Response response, ClientTransaction challenged) {
        attempt.challenged = true;
        try {
            attempt.invite = calls.context.endpoint.answerChallenge(response, challenged, attempt.trunk.trunk().credentials().orElseThrow());
            attempt.dialog = attempt.invite.getDialog();
            calls.context.expect(attempt.invite, this);
        } catch (SipException e) {
            calls.finish(call, CallOutcome.NETWORK_FAILURE, "cannot answer the digest challenge: " + e.getMessage());
        }
    }
}
