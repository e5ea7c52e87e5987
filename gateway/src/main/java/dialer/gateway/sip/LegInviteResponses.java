package dialer.gateway.sip;

import javax.sip.ClientTransaction;
import javax.sip.message.Response;

/**
 * What an agent's phone answers to the appliance's call at login: it rings, answers (the leg is up and
 * idle) or refuses (the leg is dropped). An answer that comes after the leg was given up is hung up.
 */
final class LegInviteResponses implements ResponseHandler {
    private final AgentLegs legs;
    private final AgentPhoneLeg leg;

    LegInviteResponses(AgentLegs legs, AgentPhoneLeg leg) {
        this.legs = legs;
        this.leg = leg;
    }

    @Override
    public void response(Response response, ClientTransaction transaction) {
        int status = response.getStatusCode();
        if (status < 200) {
            leg.provisional = true;
            if (leg.disconnectRequested) {
                legs.cancel(leg);
            }
        } else if (status < 300) {
            answered(response);
        } else {
            legs.drop(leg, Responses.rawCause(response));
        }
    }

    @Override
    public void timedOut() {
        legs.drop(leg, "the agent's phone did not respond");
    }

    private void answered(Response response) {
        legs.acknowledge(leg, response);
        if (leg.state == AgentPhoneLeg.State.ENDED || leg.disconnectRequested) {
            legs.sendBye(leg);
            legs.drop(leg, "BYE from the appliance");
            return;
        }
        legs.cancelTimer(leg);
        leg.phoneSdp = SipContext.body(response);
        leg.state = AgentPhoneLeg.State.IDLE;
        leg.listener.connected(leg.leg);
    }
}
