package dialer.gateway.sip;

import javax.sdp.SdpException;
import javax.sip.ClientTransaction;
import javax.sip.SipException;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Bridges an answered customer to an agent's idle leg by third-party call control (RFC 3725): the agent's
 * phone is re-INVITEd with the customer's session, then the customer is re-INVITEd with the agent phone's
 * answer, so that audio flows between the trunk and the phone and never through the appliance. On the
 * driver's thread.
 */
final class Bridges {
    private final SipContext context;
    private final CustomerCalls customers;
    private final AgentLegs agents;

    Bridges(SipContext context, CustomerCalls customers, AgentLegs agents) {
        this.context = context;
        this.customers = customers;
        this.agents = agents;
    }

    void bridge(CustomerCall call, AgentPhoneLeg leg) {
        if (call.state != CustomerCall.State.ANSWERED) {
            call.listener.bridgeFailed(call.handle, leg.leg, "the call is " + call.state.name().toLowerCase(java.util.Locale.ROOT));
            return;
        }
        if (leg.state != AgentPhoneLeg.State.IDLE) {
            call.listener.bridgeFailed(call.handle, leg.leg, "the agent leg is " + leg.state.name().toLowerCase(java.util.Locale.ROOT));
            return;
        }
        String towardsCustomer;
        try {
            towardsCustomer = context.sessions.relayed(call.customerSdp, leg.origin);
        } catch (SdpException | RuntimeException e) {
            call.listener.bridgeFailed(call.handle, leg.leg, "the customer's SDP cannot be read: " + e.getMessage());
            return;
        }
        call.state = CustomerCall.State.BRIDGING;
        call.agent = leg;
        leg.state = AgentPhoneLeg.State.UPDATING;
        leg.customer = call;
        leg.lastSdpSent = towardsCustomer;
        agents.reinvite(leg, towardsCustomer, new ResponseHandler() {
            @Override
            public void response(Response response, ClientTransaction transaction) {
                if (response.getStatusCode() >= 200) {
                    phoneAnswered(call, leg, response);
                }
            }

            @Override
            public void timedOut() {
                unbridged(call, leg, "the agent's phone did not answer the re-INVITE");
                agents.lost(leg, "the agent's phone did not answer a re-INVITE");
            }
        });
    }

    private void phoneAnswered(CustomerCall call, AgentPhoneLeg leg, Response response) {
        if (leg.state == AgentPhoneLeg.State.ENDED) {
            return;
        }
        if (response.getStatusCode() >= 300) {
            unbridged(call, leg, "the agent's phone refused the customer: " + Responses.rawCause(response));
            leg.state = AgentPhoneLeg.State.IDLE;
            return;
        }
        agents.acknowledge(leg, response);
        leg.phoneSdp = SipContext.body(response);
        if (call.state != CustomerCall.State.BRIDGING) {
            agents.settle(leg);
            return;
        }
        try {
            call.lastSdpSent = context.sessions.relayed(leg.phoneSdp, call.origin);
            ClientTransaction reinvite = context.endpoint.sendInDialog(call.dialog, Request.INVITE, call.lastSdpSent);
            context.expect(reinvite, new ResponseHandler() {
                @Override
                public void response(Response answer, ClientTransaction transaction) {
                    if (answer.getStatusCode() >= 200) {
                        customerAnswered(call, leg, answer);
                    }
                }

                @Override
                public void timedOut() {
                    unbridged(call, leg, "the customer's side did not answer the re-INVITE");
                    customers.sendBye(call);
                    customers.finish(call, call.answeredOutcome(), "no answer to the re-INVITE that bridged the agent");
                }
            });
        } catch (SdpException | SipException | RuntimeException e) {
            unbridged(call, leg, "cannot re-INVITE the customer: " + e.getMessage());
            agents.settle(leg);
        }
    }

    private void customerAnswered(CustomerCall call, AgentPhoneLeg leg, Response answer) {
        if (call.state != CustomerCall.State.BRIDGING) {
            agents.settle(leg);
            return;
        }
        if (answer.getStatusCode() >= 300) {
            unbridged(call, leg, "the customer's side refused the agent: " + Responses.rawCause(answer));
            agents.settle(leg);
            return;
        }
        try {
            context.endpoint.acknowledge(call.dialog, answer);
        } catch (SipException e) {
            unbridged(call, leg, "cannot acknowledge the customer's answer: " + e.getMessage());
            agents.settle(leg);
            return;
        }
        call.state = CustomerCall.State.BRIDGED;
        agents.settle(leg);
        call.listener.bridged(call.handle, leg.leg);
    }

    /** The bridge failed: the customer is answered and alone again, the leg no longer theirs. */
    private void unbridged(CustomerCall call, AgentPhoneLeg leg, String rawCause) {
        if (call.state == CustomerCall.State.BRIDGING) {
            call.state = CustomerCall.State.ANSWERED;
            call.agent = null;
            leg.customer = null;
            call.listener.bridgeFailed(call.handle, leg.leg, rawCause);
        }
    }
}
