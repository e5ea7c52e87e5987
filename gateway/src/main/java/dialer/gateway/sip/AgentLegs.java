package dialer.gateway.sip;

import java.text.ParseException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sip.ClientTransaction;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.message.Request;
import javax.sip.message.Response;

import dialer.gateway.AgentLeg;

/**
 * The nailed-up legs to agents' phones: called at login with a silent (inactive) session, held between
 * customers, re-INVITEd to silence when a customer leaves, ended at logout or when the phone hangs up.
 * On the driver's thread.
 */
final class AgentLegs {
    /** How long an agent's phone may take to answer the appliance's call. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final System.Logger LOG = System.getLogger(AgentLegs.class.getName());

    private final SipContext context;
    private final Consumer<CustomerCall> customerOfDroppedLeg;
    private final Map<String, AgentPhoneLeg> byId = new HashMap<>();

    /** @param customerOfDroppedLeg what to do with the customer of a leg that dropped while bridged to it */
    AgentLegs(SipContext context, Consumer<CustomerCall> customerOfDroppedLeg) {
        this.context = context;
        this.customerOfDroppedLeg = customerOfDroppedLeg;
    }

    AgentPhoneLeg get(AgentLeg leg) {
        return byId.get(leg.id());
    }

    Collection<AgentPhoneLeg> all() {
        return List.copyOf(byId.values());
    }

    void connect(AgentPhoneLeg leg) {
        byId.put(leg.leg.id(), leg);
        try {
            leg.lastSdpSent = context.sessions.own(leg.origin, true);
            Request invite = context.endpoint.requests().invite(leg.leg.agentPhoneUri(), leg.lastSdpSent);
            leg.invite = context.send(invite, new LegInviteResponses(this, leg));
            leg.dialog = leg.invite.getDialog();
            leg.callId = SipContext.callId(invite);
            context.own(leg.callId, new AgentDialog(leg));
            leg.timer = context.after(ANSWER_TIMEOUT, () -> phoneDidNotAnswer(leg));
        } catch (ParseException | SipException | RuntimeException e) {
            drop(leg, "cannot call the agent's phone " + leg.leg.agentPhoneUri() + ": " + e.getMessage());
        }
    }

    private void phoneDidNotAnswer(AgentPhoneLeg leg) {
        if (leg.state == AgentPhoneLeg.State.CALLING) {
            leg.disconnectRequested = true;
            if (leg.provisional) {
                cancel(leg);
            }
            drop(leg, "the agent's phone did not answer in " + ANSWER_TIMEOUT.toSeconds() + " s");
        }
    }

    /**
     * Ends the leg at logout: CANCEL while it rings, BYE once up (after the re-INVITE under way, if any, so
     * that the phone sees one transaction at a time); a bridged customer is hung up too.
     */
    void disconnect(AgentPhoneLeg leg) {
        if (leg.state == AgentPhoneLeg.State.CALLING) {
            leg.disconnectRequested = true;
            if (leg.provisional) {
                cancel(leg);
            }
        } else if (leg.state == AgentPhoneLeg.State.UPDATING) {
            leg.byeAfterUpdate = true;
        } else if (leg.state != AgentPhoneLeg.State.ENDED) {
            sendBye(leg);
        }
        drop(leg, "BYE from the appliance");
    }

    /**
     * The leg's customer has gone: its phone goes back to silence. While a re-INVITE is under way, the
     * leg settles when that one ends.
     */
    void customerLeft(AgentPhoneLeg leg) {
        leg.customer = null;
        if (leg.state == AgentPhoneLeg.State.BRIDGED || leg.state == AgentPhoneLeg.State.IDLE) {
            silence(leg);
        }
    }

    /** A re-INVITE of the leg has ended: silence it if its customer left meanwhile, else it is bridged. */
    void settle(AgentPhoneLeg leg) {
        if (leg.state != AgentPhoneLeg.State.UPDATING) {
            return;
        }
        if (leg.customer == null) {
            silence(leg);
        } else {
            leg.state = AgentPhoneLeg.State.BRIDGED;
        }
    }

    private void silence(AgentPhoneLeg leg) {
        leg.state = AgentPhoneLeg.State.UPDATING;
        String silent = context.sessions.own(leg.origin, true);
        reinvite(leg, silent, new ResponseHandler() {
            @Override
            public void response(Response response, ClientTransaction transaction) {
                int status = response.getStatusCode();
                if (status >= 200 && status < 300) {
                    acknowledge(leg, response);
                    leg.lastSdpSent = silent;
                    leg.phoneSdp = SipContext.body(response);
                } else if (status >= 300) {
                    LOG.log(System.Logger.Level.WARNING, "agent leg {0} refused silence: {1}", leg.leg.id(), Responses.rawCause(response));
                }
                if (status >= 200 && leg.state == AgentPhoneLeg.State.UPDATING) {
                    idle(leg);
                }
            }

            @Override
            public void timedOut() {
                lost(leg, "the agent's phone did not answer a re-INVITE");
            }
        });
    }

    /** The leg is free again; a bridge that waited for it goes ahead. */
    void idle(AgentPhoneLeg leg) {
        leg.state = AgentPhoneLeg.State.IDLE;
        Runnable waiting = leg.onIdle;
        leg.onIdle = null;
        if (waiting != null) {
            waiting.run();
        }
    }

    /**
     * Sends a re-INVITE with {@code sdp} on the leg's dialog; a failure to send loses the leg. Once the
     * transaction has ended, a logout that came meanwhile sends its BYE.
     */
    void reinvite(AgentPhoneLeg leg, String sdp, ResponseHandler handler) {
        ResponseHandler thenLogout = new ResponseHandler() {
            @Override
            public void response(Response response, ClientTransaction transaction) {
                handler.response(response, transaction);
                if (response.getStatusCode() >= 200) {
                    byeAfterUpdate(leg);
                }
            }

            @Override
            public void timedOut() {
                handler.timedOut();
                byeAfterUpdate(leg);
            }
        };
        try {
            context.expect(context.endpoint.sendInDialog(leg.dialog, Request.INVITE, sdp), thenLogout);
        } catch (SipException e) {
            lost(leg, "cannot re-INVITE the agent's phone: " + e.getMessage());
        }
    }

    private void byeAfterUpdate(AgentPhoneLeg leg) {
        if (leg.byeAfterUpdate) {
            leg.byeAfterUpdate = false;
            sendBye(leg);
        }
    }

    void acknowledge(AgentPhoneLeg leg, Response response) {
        try {
            context.endpoint.acknowledge(leg.dialog, response);
        } catch (SipException e) {
            LOG.log(System.Logger.Level.WARNING, "agent leg {0}: cannot acknowledge: {1}", leg.leg.id(), e.getMessage());
        }
    }

    /** The leg is unusable: hang it up and say it is dropped. */
    void lost(AgentPhoneLeg leg, String rawCause) {
        if (leg.state != AgentPhoneLeg.State.ENDED) {
            sendBye(leg);
        }
        drop(leg, rawCause);
    }

    void cancel(AgentPhoneLeg leg) {
        try {
            context.endpoint.cancel(leg.invite);
        } catch (SipException e) {
            LOG.log(System.Logger.Level.WARNING, "agent leg {0}: cannot cancel: {1}", leg.leg.id(), e.getMessage());
        }
    }

    /** BYE on the leg's dialog, which the caller knows to be confirmed. */
    void sendBye(AgentPhoneLeg leg) {
        try {
            context.endpoint.sendInDialog(leg.dialog, Request.BYE, null);
        } catch (SipException e) {
            LOG.log(System.Logger.Level.WARNING, "agent leg {0}: cannot send BYE: {1}", leg.leg.id(), e.getMessage());
        }
    }

    /** The leg is gone: its customer, if any, is seen to, and its listener hears it. */
    void drop(AgentPhoneLeg leg, String rawCause) {
        if (leg.state == AgentPhoneLeg.State.ENDED) {
            return;
        }
        leg.state = AgentPhoneLeg.State.ENDED;
        leg.onIdle = null;
        cancelTimer(leg);
        byId.remove(leg.leg.id());
        if (leg.callId != null) {
            context.disown(leg.callId);
        }
        CustomerCall customer = leg.customer;
        leg.customer = null;
        if (customer != null) {
            customerOfDroppedLeg.accept(customer);
        }
        leg.listener.dropped(leg.leg, rawCause);
    }

    void cancelTimer(AgentPhoneLeg leg) {
        if (leg.timer != null) {
            leg.timer.cancel(false);
            leg.timer = null;
        }
    }

    /** The agent's phone's dialog: its BYE drops the leg (and its customer); a re-INVITE gets our last body. */
    private final class AgentDialog implements DialogOwner {
        private final AgentPhoneLeg leg;

        AgentDialog(AgentPhoneLeg leg) {
            this.leg = leg;
        }

        @Override
        public void hungUp(Request bye) {
            drop(leg, "BYE from the agent's phone");
        }

        @Override
        public void informed(Request info) {
        }

        @Override
        public void reinvited(Request invite, ServerTransaction transaction) {
            boolean ownPending = leg.state == AgentPhoneLeg.State.UPDATING;
            context.answer(transaction, invite, ownPending ? 491 : 200, ownPending ? null : leg.lastSdpSent);
        }
    }
}
