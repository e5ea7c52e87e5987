package dialer.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import dialer.gateway.AgentLeg;
import dialer.gateway.AgentLegListener;
import dialer.gateway.GatewayDriver;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agents logged in on this node: their states, their phones' legs (connected through the gateway at
 * login), and the campaign calls they take. The campaign engine claims a free agent for each answered
 * call and gives it back after the call and its wrap-up. Thread-safe: one lock guards every session.
 */
public final class AgentDesk {
    private static final Logger LOG = LoggerFactory.getLogger(AgentDesk.class);

    private final Jdbi jdbi;
    private final GatewayDriver gateway;
    private final Clock clock;
    private final String nodeId;
    private final Map<Long, AgentSession> byUser = new HashMap<>();

    public AgentDesk(Jdbi jdbi, GatewayDriver gateway, Clock clock, String nodeId) {
        this.jdbi = jdbi;
        this.gateway = gateway;
        this.clock = clock;
        this.nodeId = nodeId;
    }

    /** What a campaign's pacing needs of its agents now. */
    public record Staffing(int ready, List<Duration> onCall, List<Duration> inWrapUp) {
    }

    /** An agent claimed for a call: bridge the call to {@code leg}. */
    public record Claim(long agentId, long userId, AgentLeg leg) {
    }

    /**
     * Logs user {@code userId} in with the phone at {@code phoneUri} and calls that phone, to keep the leg
     * up for the agent's calls; an agent logged in already with another phone moves to the new one.
     */
    public AgentView login(long userId, String username, String phoneUri) {
        Instant now = clock.instant();
        AgentSession session;
        AgentLeg previous = null;
        synchronized (this) {
            AgentSession current = byUser.get(userId);
            if (current != null && current.phoneUri.equals(phoneUri) && current.phoneConnected) {
                return current.view();
            }
            if (current != null) {
                previous = current.leg;
            }
            long agentId = jdbi.withExtension(AgentDao.class, agents -> agents.upsert(userId, phoneUri, "ready", nodeId));
            session = new AgentSession(agentId, userId, username, phoneUri, now);
            if (current != null) {
                session.takeOver(current);
            }
            session.campaigns = new HashMap<>(jdbi.withExtension(AgentDao.class, agents -> agents.campaignsOf(agentId)));
            byUser.put(userId, session);
        }
        if (previous != null) {
            gateway.disconnectAgent(previous);
        }
        AgentLeg leg = gateway.connectAgent(phoneUri, new LegListener(session));
        synchronized (this) {
            session.leg = leg;
            return session.view();
        }
    }

    /** Logs the agent out and hangs up its phone's leg; false when it was not logged in here. */
    public boolean logout(long userId) {
        AgentSession session;
        synchronized (this) {
            session = byUser.remove(userId);
        }
        if (session == null) {
            return false;
        }
        jdbi.useExtension(AgentDao.class, agents -> agents.setState(session.agentId, AgentState.OFFLINE.code(), null));
        if (session.leg != null) {
            gateway.disconnectAgent(session.leg);
        }
        publish(session, new AgentEvent("state", Map.of("state", AgentState.OFFLINE.code())));
        return true;
    }

    /**
     * Sets a state the agent chooses ({@link AgentState#chosen()}); on a call or in wrap-up it takes effect
     * when the agent is free again.
     *
     * @return the agent, or empty when not logged in here
     * @throws IllegalArgumentException for a state the engine sets itself, or a break without a reason
     */
    public Optional<AgentView> setState(long userId, AgentState state, String breakReason) {
        if (!state.chosen()) {
            throw new IllegalArgumentException("state " + state.code() + " is set by the dialler, not chosen");
        }
        if (state == AgentState.BREAK && (breakReason == null || breakReason.isBlank())) {
            throw new IllegalArgumentException("a break needs a reason code");
        }
        AgentView view;
        synchronized (this) {
            AgentSession session = byUser.get(userId);
            if (session == null) {
                return Optional.empty();
            }
            session.chosen = state;
            session.breakReason = state == AgentState.BREAK ? breakReason.strip() : null;
            if (session.state == AgentState.ON_CALL || session.state == AgentState.WRAP_UP) {
                publish(session, new AgentEvent("state", Map.of("state", session.state.code(), "after", state.code())));
            } else {
                enter(session, state);
            }
            view = session.view();
        }
        jdbi.useExtension(AgentDao.class, agents -> agents.setState(view.agentId(), state.code(), view.breakReason()));
        return Optional.of(view);
    }

    public synchronized Optional<AgentView> find(long userId) {
        return Optional.ofNullable(byUser.get(userId)).map(AgentSession::view);
    }

    /** Every agent logged in here, by agent id. */
    public synchronized List<AgentView> list() {
        return byUser.values().stream().map(AgentSession::view).sorted(Comparator.comparingLong(AgentView::agentId)).toList();
    }

    /** Reads again which campaigns agent {@code agentId} takes, after a change of its assignments. */
    public void reloadAssignments(long agentId) {
        Map<Long, Integer> campaigns = jdbi.withExtension(AgentDao.class, agents -> agents.campaignsOf(agentId));
        synchronized (this) {
            byUser.values().stream().filter(session -> session.agentId == agentId)
                    .forEach(session -> session.campaigns = new HashMap<>(campaigns));
        }
    }

    /**
     * Events for the agent's desktop, until {@link #unsubscribe}. A listener is called on the engine's threads,
     * some holding this desk's lock: it must hand the event on and return at once.
     */
    public synchronized boolean subscribe(long userId, Consumer<AgentEvent> listener) {
        AgentSession session = byUser.get(userId);
        if (session == null) {
            return false;
        }
        session.listeners.add(listener);
        return true;
    }

    public synchronized void unsubscribe(long userId, Consumer<AgentEvent> listener) {
        AgentSession session = byUser.get(userId);
        if (session != null) {
            session.listeners.remove(listener);
        }
    }

    /** The agents of {@code campaignId}: free ones, and how long the others have been on a call or in wrap-up. */
    public synchronized Staffing staffing(long campaignId, Instant now) {
        int ready = 0;
        List<Duration> onCall = new ArrayList<>();
        List<Duration> wrapUp = new ArrayList<>();
        for (AgentSession session : byUser.values()) {
            if (!session.campaigns.containsKey(campaignId)) {
                continue;
            }
            if (free(session)) {
                ready++;
            } else if (session.state == AgentState.ON_CALL) {
                onCall.add(Duration.between(session.stateSince, now));
            } else if (session.state == AgentState.WRAP_UP) {
                wrapUp.add(Duration.between(session.stateSince, now));
            }
        }
        return new Staffing(ready, onCall, wrapUp);
    }

    /** Claims the free agent of {@code campaignId} that {@code selection} prefers, for attempt {@code attemptId}. */
    public synchronized Optional<Claim> claim(long campaignId, AgentSelection selection, long attemptId) {
        List<AgentSelection.Candidate> free = new ArrayList<>();
        Map<Long, AgentSession> byAgent = new HashMap<>();
        for (AgentSession session : byUser.values()) {
            if (session.campaigns.containsKey(campaignId) && free(session)) {
                free.add(new AgentSelection.Candidate(session.agentId, session.campaigns.get(campaignId),
                        session.idleSince.toEpochMilli()));
                byAgent.put(session.agentId, session);
            }
        }
        return selection.choose(free).map(candidate -> take(byAgent.get(candidate.agentId()), campaignId, attemptId));
    }

    /**
     * Claims the agent who is user {@code userId} for attempt {@code attemptId}, when that agent is here, in
     * {@code campaignId} and free.
     */
    public synchronized Optional<Claim> claimUser(long campaignId, long userId, long attemptId) {
        AgentSession session = byUser.get(userId);
        if (session == null || !session.campaigns.containsKey(campaignId) || !free(session)) {
            return Optional.empty();
        }
        return Optional.of(take(session, campaignId, attemptId));
    }

    private Claim take(AgentSession session, long campaignId, long attemptId) {
        enter(session, AgentState.ON_CALL);
        session.attemptId = attemptId;
        session.campaignId = campaignId;
        return new Claim(session.agentId, session.userId, session.leg);
    }

    /** The user ids of the free agents of {@code campaignId} on this node. */
    public synchronized long[] freeUsers(long campaignId) {
        return byUser.values().stream()
                .filter(session -> session.campaigns.containsKey(campaignId) && free(session))
                .mapToLong(session -> session.userId).toArray();
    }

    /** The call did not reach the claimed agent: the agent is free again, still the longest idle. */
    public synchronized void release(long agentId) {
        session(agentId).ifPresent(session -> {
            Instant idleSince = session.idleSince;
            session.attemptId = 0;
            enter(session, session.chosen);
            session.idleSince = idleSince;
        });
    }

    /** The agent's call ended: wrap-up starts. */
    public synchronized void wrapUp(long agentId) {
        session(agentId).ifPresent(session -> enter(session, AgentState.WRAP_UP));
    }

    /** Wrap-up is over: the agent goes back to the state it chose. */
    public synchronized void finishWrapUp(long agentId) {
        session(agentId).ifPresent(session -> {
            session.attemptId = 0;
            enter(session, session.chosen);
        });
    }

    /** Whether agent {@code agentId} is logged in here and holds attempt {@code attemptId}. */
    public synchronized boolean holds(long agentId, long attemptId) {
        return session(agentId).filter(session -> session.attemptId == attemptId).isPresent();
    }

    /** The campaign of the call agent of user {@code userId} is on or wrapping up, if any. */
    public synchronized Optional<Long> campaignOfCall(long userId) {
        AgentSession session = byUser.get(userId);
        return session == null || session.attemptId == 0 ? Optional.empty() : Optional.of(session.campaignId);
    }

    /** Tells agent {@code agentId}'s desktop. */
    public void publish(long agentId, AgentEvent event) {
        Optional<AgentSession> session;
        synchronized (this) {
            session = session(agentId);
        }
        session.ifPresent(found -> publish(found, event));
    }

    private static void publish(AgentSession session, AgentEvent event) {
        for (Consumer<AgentEvent> listener : session.listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.debug("An event listener of agent {} failed; dropping it", session.agentId, e);
                session.listeners.remove(listener);
            }
        }
    }

    private Optional<AgentSession> session(long agentId) {
        return byUser.values().stream().filter(session -> session.agentId == agentId).findFirst();
    }

    private static boolean free(AgentSession session) {
        return session.phoneConnected && session.leg != null && session.state.takesCampaignCalls() && session.attemptId == 0;
    }

    /** Moves the agent to {@code state} and tells its desktop ({@code state} event), unless it is there already. */
    private void enter(AgentSession session, AgentState state) {
        Instant now = clock.instant();
        if (state.takesCampaignCalls() && !session.state.takesCampaignCalls()) {
            session.idleSince = now;
        }
        boolean changed = session.state != state;
        session.state = state;
        session.stateSince = now;
        if (changed) {
            publish(session, new AgentEvent("state", Map.of("state", state.code())));
        }
    }

    /** Follows an agent's phone leg. */
    private final class LegListener implements AgentLegListener {
        private final AgentSession session;

        LegListener(AgentSession session) {
            this.session = session;
        }

        @Override
        public void connected(AgentLeg leg) {
            synchronized (AgentDesk.this) {
                session.phoneConnected = true;
                session.idleSince = clock.instant();
            }
            publish(session, new AgentEvent("phone", Map.of("connected", true)));
        }

        @Override
        public void dropped(AgentLeg leg, String rawCause) {
            synchronized (AgentDesk.this) {
                session.phoneConnected = false;
            }
            LOG.info("The phone leg of agent {} dropped: {}", session.username, rawCause);
            publish(session, new AgentEvent("phone", Map.of("connected", false, "cause", rawCause)));
        }
    }
}
