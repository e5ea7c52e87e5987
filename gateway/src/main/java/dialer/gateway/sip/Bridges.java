package dialer.gateway.sip;

import java.time.Duration;
import java.util.Locale;

import javax.sdp.SdpException;
import javax.sip.ClientTransaction;
import javax.sip.SipException;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Bridges an answered customer to an agent's idle leg by third-party call control (RFC 3725): the agent's
 * phone is re-INVITEd with the customer's session, then the customer is re-INVITEd with the agent phone's
 * answer, so that audio flows between the trunk and the phone and never through the appliance. A leg still
 * going back to silence after its last customer takes the next one as soon as it is silent. A bridge not
 * done within {@link #DEADLINE} fails, in time for the dialler to play the safe-harbour message.
 * On the driver's thread.
 */
final class Bridges {
    /** How long a bridge may take, within the 2 s an answered customer may wait for an agent. */
    static final Duration DEADLINE = Duration.ofMillis(1500);

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
            call.listener.bridgeFailed(call.handle, leg.leg, "the call is " + call.state.name().toLowerCase(Locale.ROOT));
            return;
        }
        boolean returningToSilence = leg.state == AgentPhoneLeg.State.UPDATING && leg.customer == null && leg.onIdle == null;
        if (leg.state != AgentPhoneLeg.State.IDLE && !returningToSilence) {
            call.listener.bridgeFailed(call.handle, leg.leg, "the agent leg is " + leg.state.name().toLowerCase(Locale.ROOT));
            return;
        }
        call.state = CustomerCall.State.BRIDGING;
        call.agent = leg;
        context.after(DEADLINE, () -> unbridged(call, leg, "the agent's phone did not take the customer in " + DEADLINE.toMillis() + " ms"));
        if (returningToSilence) {
            leg.onIdle = () -> offerCustomer(call, leg);
        } else {
            offerCustomer(call, leg);
        }
    }

    private void offerCustomer(CustomerCall call, AgentPhoneLeg leg) {
        if (call.state != CustomerCall.State.BRIDGING || call.agent != leg) {
            return;
        }
        String towardsPhone;
        try {
            towardsPhone = context.sessions.relayed(call.customerSdp, leg.origin);
        } catch (SdpException | RuntimeException e) {
            unbridged(call, leg, "the customer's SDP cannot be read: " + e.getMessage());
            return;
        }
        leg.state = AgentPhoneLeg.State.UPDATING;
        leg.customer = call;
        agents.reinvite(leg, towardsPhone, new ResponseHandler() {
            @Override
            public void response(Response response, ClientTransaction transaction) {
                if (response.getStatusCode() >= 200) {
                    phoneAnswered(call, leg, response, towardsPhone);
                }
            }

            @Override
            public void timedOut() {
                unbridged(call, leg, "the agent's phone did not answer the re-INVITE");
                agents.lost(leg, "the agent's phone did not answer a re-INVITE");
            }
        });
    }

    private void phoneAnswered(CustomerCall call, AgentPhoneLeg leg, Response response, String offered) {
        if (response.getStatusCode() >= 300) {
            unbridged(call, leg, "the agent's phone refused the customer: " + Responses.rawCause(response));
            if (leg.state == AgentPhoneLeg.State.UPDATING) {
                agents.idle(leg);
            }
            return;
        }
        agents.acknowledge(leg, response);
        if (leg.state == AgentPhoneLeg.State.ENDED) {
            return;
        }
        leg.lastSdpSent = offered;
        leg.phoneSdp = SipContext.body(response);
        if (call.state != CustomerCall.State.BRIDGING) {
            agents.settle(leg);
            return;
        }
        try {
            String towardsCustomer = context.sessions.relayed(leg.phoneSdp, call.origin);
            ClientTransaction reinvite = context.endpoint.sendInDialog(call.dialog(), Request.INVITE, towardsCustomer);
            context.expect(reinvite, new ResponseHandler() {
                @Override
                public void response(Response answer, ClientTransaction transaction) {
                    if (answer.getStatusCode() >= 200) {
                        customerAnswered(call, leg, answer, towardsCustomer);
                    }
                }

                @Override
                public void timedOut() {
                    unbridged(call, leg, "the customer's side did not answer the re-INVITE");
                    agents.settle(leg);
                    customers.sendBye(call);
                    customers.finish(call, call.answeredOutcome(), "no answer to the re-INVITE that bridged the agent");
                }
            });
        } catch (SdpException | SipException | RuntimeException e) {
            unbridged(call, leg, "cannot re-INVITE the customer: " + e.getMessage());
            agents.settle(leg);
        }
    }

    private void customerAnswered(CustomerCall call, AgentPhoneLeg leg, Response answer, String offered) {
        boolean accepted = answer.getStatusCode() < 300;
        if (accepted && call.state != CustomerCall.State.ENDED) {
            try {
                context.endpoint.acknowledge(call.dialog(), answer);
            } catch (SipException e) {
                accepted = false;
            }
        }
        if (call.state != CustomerCall.State.BRIDGING || !accepted) {
            unbridged(call, leg, "the customer's side refused the agent: " + Responses.rawCause(answer));
            agents.settle(leg);
            return;
        }
        call.lastSdpSent = offered;
        call.state = CustomerCall.State.BRIDGED;
        agents.settle(leg);
        call.listener.bridged(call.handle, leg.leg);
    }

    /** Gives up a bridge under way (to play the safe-harbour message instead): the dialler hears it failed. */
    void abandon(CustomerCall call, String rawCause) {
        if (call.state == CustomerCall.State.BRIDGING) {
            unbridged(call, call.agent, rawCause);
        }
    }

    /** The agent's leg of {@code call} dropped: a bridge under way fails, a bridged customer is hung up. */
    void legDropped(CustomerCall call) {
        if (call.state == CustomerCall.State.BRIDGING) {
            unbridged(call, call.agent, "the agent's leg dropped");
        } else if (call.state == CustomerCall.State.BRIDGED) {
            call.agent = null;
            customers.sendBye(call);
            customers.finish(call, call.answeredOutcome(), "the agent's leg dropped");
        }
    }

    /** The bridge failed: the customer is answered and alone again, the leg no longer theirs. */
    private void unbridged(CustomerCall call, AgentPhoneLeg leg, String rawCause) {
        if (call.state == CustomerCall.State.BRIDGING && call.agent == leg) {
            call.state = CustomerCall.State.ANSWERED;
            call.agent = null;
            if (leg.customer == call) {
                leg.customer = null;
            }
            call.listener.bridgeFailed(call.handle, leg.leg, rawCause);
        }
    }
}
