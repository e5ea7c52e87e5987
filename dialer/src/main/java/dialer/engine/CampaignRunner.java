package dialer.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import dialer.agent.AgentDesk;
import dialer.agent.AgentEvent;
import dialer.attempt.Disposition;
import dialer.attempt.NextStep;
import dialer.attempt.Outcome;
import dialer.attempt.OutcomeRules;
import dialer.campaign.Campaign;
import dialer.campaign.CallingWindow;
import dialer.campaign.CampaignState;
import dialer.campaign.Mode;
import dialer.gateway.AgentLeg;
import dialer.gateway.AnswerKind;
import dialer.gateway.CallHandle;
import dialer.gateway.CallListener;
import dialer.gateway.CallOutcome;
import dialer.gateway.OriginateRequest;
import dialer.lease.LeaseRules;
import dialer.lease.LeasedContact;
import dialer.pacing.Observations;
import dialer.pacing.PacingModes;
import dialer.pacing.PacingSnapshot;
import dialer.pacing.PacingStrategy;
import dialer.pacing.estimate.CallStatistics;
import dialer.stats.CampaignCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One campaign's dial loop on this node, and every call it placed. Everything here runs on the runner's
 * own thread: the ticks, the gateway's events (which listeners hand over), agents' dispositions. On each
 * tick it asks the campaign's pacing how many calls to place, leases that many contacts and dials them;
 * it bridges each live answer to a free agent within the deadline, or plays the safe-harbour message and
 * records the call abandoned; it closes each attempt with its outcome or the agent's disposition.
 */
final class CampaignRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CampaignRunner.class);
    private static final Duration RELOAD_EVERY = Duration.ofSeconds(1);
    /** The counts the pacing's guard reads are read again from the attempts table (every node's calls) this often. */
    private static final Duration COUNTERS_RELOAD_EVERY = Duration.ofMinutes(1);
    /** How long a preview may wait for its agent to accept it. */
    private static final Duration PREVIEW_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final double LIVE_ANSWER_PRIOR = 0.3;

    private final long campaignId;
    private final EngineContext context;
    private final ScheduledExecutorService thread;
    private final Map<Long, LiveCall> calls = new HashMap<>();
    private final CallStatistics statistics;
    private Campaign campaign;
    private PacingStrategy pacing;
    private CallingWindow window;
    private CampaignCounters counters;
    private Instant reloadedAt = Instant.MIN;
    private Instant countersLoadedAt = Instant.MIN;
    private Instant dialUntil = Instant.MIN;
    private ScheduledFuture<?> ticks;

    CampaignRunner(long campaignId, EngineContext context) {
        this.campaignId = campaignId;
        this.context = context;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread named = new Thread(runnable, "campaign-" + campaignId);
            named.setDaemon(true);
            return named;
        });
        this.statistics = new CallStatistics(LIVE_ANSWER_PRIOR, Duration.ofSeconds(10), Duration.ofSeconds(120));
    }

    /** Dials (on each tick) until {@code until}; later calls push it further. */
    void dialUntil(Instant until) {
        thread.execute(() -> {
            dialUntil = until;
            if (ticks == null) {
                long period = context.settings().tick().toMillis();
                ticks = thread.scheduleAtFixedRate(this::tick, 0, period, TimeUnit.MILLISECONDS);
            }
        });
    }

    /** Stops placing calls now; the calls up already go on to their end. */
    void stopDialling() {
        thread.execute(() -> dialUntil = Instant.MIN);
    }

    /**
     * Stops the runner's ticks when it has nothing to do: not dialling, and no call of its own up. A runner
     * that said so must be closed and never used again.
     */
    CompletableFuture<Boolean> retireIfIdle() {
        return on(() -> {
            boolean idle = calls.isEmpty() && !context.clock().instant().isBefore(dialUntil);
            if (idle && ticks != null) {
                ticks.cancel(false);
            }
            return idle;
        });
    }

    /**
     * Applies an agent's disposition to the attempt {@code attemptId} it is wrapping up.
     *
     * @return the contact's new state; fails with {@link IllegalArgumentException} for an unknown code or a
     *         callback without its time, {@link IllegalStateException} when the agent is not wrapping up that call
     */
    CompletableFuture<String> dispose(long attemptId, long userId, String code, String notes, Instant callbackAt,
            Long callbackOwner) {
        return on(() -> {
            LiveCall call = calls.get(attemptId);
            if (call == null || call.agent == null || call.agent.userId() != userId) {
                throw new IllegalStateException("attempt " + attemptId + " is not a call of this agent");
            }
            if (call.stage != LiveCall.Stage.WRAP_UP) {
                throw new IllegalStateException("attempt " + attemptId + " is still connected: hang up first");
            }
            Disposition disposition = campaign().settings().disposition(code)
                    .orElseThrow(() -> new IllegalArgumentException("unknown disposition '" + code + "'; known: "
                            + campaign().settings().dispositions().stream().map(Disposition::code).toList()));
            Instant now = context.clock().instant();
            NextStep next = OutcomeRules.afterDisposition(disposition, callbackAt, callbackOwner, now);
            return finishConnected(call, disposition, notes, next, now);
        });
    }

    /** Its calls now: those with their line up, and those waiting for an agent. */
    /** The attempts this runner holds open: their leases are renewed while it lives. */
    CompletableFuture<List<Long>> heldAttempts() {
        return on(() -> List.copyOf(calls.keySet()));
    }

    CompletableFuture<LiveCalls> liveCalls() {
        return on(() -> LiveCalls.of(calls.values()));
    }

    private void tick() {
        try {
            Instant now = context.clock().instant();
            if (!now.isBefore(reloadedAt.plus(RELOAD_EVERY)) || campaign == null) {
                reload(now);
            }
            closeFailedWrites();
            retryWaitingCalls();
            withdrawStaleOffers(now);
            if (campaign == null || campaign.state() != CampaignState.RUNNING || !now.isBefore(dialUntil)) {
                return;
            }
            if (campaign.mode() == Mode.PREVIEW) {
                offerPreviews(now);
                return;
            }
            int wanted = Math.min(pacing.callsToLaunch(snapshot(now)), context.settings().maxCallsPerTick());
            if (wanted > 0) {
                dial(wanted, now);
            }
        } catch (RuntimeException e) {
            LOG.warn("Campaign {}: a dial tick failed; the next one tries again", campaignId, e);
        }
    }

    private void reload(Instant now) {
        Optional<Campaign> found = context.campaigns().find(campaignId);
        reloadedAt = now;
        if (found.isEmpty()) {
            campaign = null;
            return;
        }
        boolean changed = campaign == null || campaign.mode() != found.get().mode()
                || campaign.settings().targetAbandonRate() != found.get().settings().targetAbandonRate()
                || !campaign.settings().dialRatio().equals(found.get().settings().dialRatio());
        campaign = found.get();
        window = new CallingWindow(campaign.settings().schedule());
        if (changed) {
            pacing = PacingModes.of(campaign.mode().code(), campaign.settings().targetAbandonRate(),
                    campaign.settings().dialRatio().orElse(1)).get();
        }
        if (counters == null || !now.isBefore(countersLoadedAt.plus(COUNTERS_RELOAD_EVERY))) {
            counters = context.stats().counters(campaign, now);
            countersLoadedAt = now;
        }
    }

    private PacingSnapshot snapshot(Instant now) {
        AgentDesk.Staffing staffing = context.desk().staffing(campaignId, now);
        List<Duration> inFlight = new ArrayList<>();
        int waiting = 0;
        for (LiveCall call : calls.values()) {
            if (call.stage == LiveCall.Stage.DIALLING) {
                inFlight.add(Duration.between(call.dialledAt, now));
            } else if (call.stage == LiveCall.Stage.WAITING_FOR_AGENT) {
                waiting++;
            }
        }
        double sinceDayStart = Duration.between(now.atOffset(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC)
                .toInstant(), now).toMillis() / 1000.0;
        Observations observed = counters.observations();
        return new PacingSnapshot(sinceDayStart, staffing.ready(), staffing.onCall(), staffing.inWrapUp(), inFlight,
                waiting, observed, statistics.models());
    }

    private void dial(int wanted, Instant now) {
        for (LeasedContact contact : lease(wanted, now)) {
            LiveCall call = new LiveCall(contact, now);
            calls.put(contact.attemptId(), call);
            if (contact.reservedFor() != null) {
                // an agent's own callback is dialled for that agent, who waits for it as for an accepted preview
                call.agent = context.desk().claimUser(campaignId, contact.reservedFor(), contact.attemptId()).orElse(null);
            }
            place(call, now);
        }
    }

    /** Preview mode: each free agent is offered a contact, which is dialled when the agent accepts it. */
    private void offerPreviews(Instant now) {
        int free = context.desk().staffing(campaignId, now).ready();
        if (free == 0) {
            return;
        }
        for (LeasedContact contact : lease(Math.min(free, context.settings().maxCallsPerTick()), now)) {
            LiveCall call = new LiveCall(contact, now);
            calls.put(contact.attemptId(), call);
            Optional<AgentDesk.Claim> claim = contact.reservedFor() == null ? Optional.empty()
                    : context.desk().claimUser(campaignId, contact.reservedFor(), contact.attemptId());
            if (claim.isEmpty()) {
                claim = context.desk().claim(campaignId, campaign.settings().agentSelection(), contact.attemptId());
            }
            if (claim.isEmpty()) {
                withdraw(call);
                continue;
            }
            call.agent = claim.get();
            call.stage = LiveCall.Stage.OFFERED;
            context.desk().publish(claim.get().agentId(), new AgentEvent("call.offered", ScreenPop.of(campaignId, contact)));
        }
    }

    /**
     * Dials the contact offered to agent {@code userId} in preview mode; the answered call goes to that agent.
     *
     * @throws IllegalStateException when no such offer is open for the agent
     */
    CompletableFuture<Void> acceptPreview(long attemptId, long userId) {
        return on(() -> {
            LiveCall call = calls.get(attemptId);
            if (call == null || call.stage != LiveCall.Stage.OFFERED || call.agent.userId() != userId) {
                throw new IllegalStateException("attempt " + attemptId + " is not a preview offered to this agent");
            }
            Instant now = context.clock().instant();
            reload(now);
            Optional<String> refusal = campaign.state() != CampaignState.RUNNING ? Optional.of("the campaign is " + campaign.state().code())
                    : !window.isOpen(call.contact.timeZone(), now) ? Optional.of("the contact's calling hours are over")
                    : context.attempts().isBlocked(call.contact.contactId(), campaignId) ? Optional.of("the number is on a do-not-call list")
                    : Optional.empty();
            if (refusal.isPresent()) {
                withdraw(call);
                throw new IllegalStateException("attempt " + attemptId + " may not be dialled now: " + refusal.get());
            }
            place(call, now);
            return null;
        });
    }

    /**
     * Takes back the previews nobody will accept: the offer is older than {@link #PREVIEW_TIMEOUT}, the agent
     * logged out or moved on, or the campaign no longer runs.
     */
    private void withdrawStaleOffers(Instant now) {
        for (LiveCall call : List.copyOf(calls.values())) {
            if (call.stage == LiveCall.Stage.OFFERED && (campaign == null || campaign.state() != CampaignState.RUNNING
                    || !now.isBefore(call.dialledAt.plus(PREVIEW_TIMEOUT))
                    || !context.desk().holds(call.agent.agentId(), call.contact.attemptId()))) {
                withdraw(call);
                context.desk().publish(call.agent.agentId(), new AgentEvent("call.withdrawn",
                        Map.of("attemptId", call.contact.attemptId())));
            }
        }
    }

    /** A preview not dialled: its attempt is taken back as if it never was, and its agent is free. */
    private void withdraw(LiveCall call) {
        context.attempts().withdraw(call.contact.attemptId(), context.clock().instant());
        calls.remove(call.contact.attemptId());
        if (call.agent != null) {
            context.desk().release(call.agent.agentId());
        }
    }

    private List<LeasedContact> lease(int wanted, Instant now) {
        LeaseRules rules = new LeaseRules(campaignId, now, wanted, window.openZones(now),
                campaign.settings().maxAttemptsTotal(), campaign.settings().maxAttemptsPer30Days(),
                OutcomeRules.abandonedGuard(campaign), context.nodeId(), context.settings().leaseTime(),
                context.desk().freeUsers(campaignId), context.settings().ownedCallbackWait());
        return context.jdbi().withHandle(handle -> context.leaser().lease(handle, rules));
    }

    private void place(LiveCall call, Instant now) {
        String trunk = campaign.settings().trunk().orElse(context.settings().defaultTrunk());
        String callerId = campaign.settings().callerId().orElse(context.settings().defaultCallerId());
        call.dialledAt = now;
        call.stage = LiveCall.Stage.DIALLING;
        counters.dialled(now);
        try {
            OriginateRequest request = new OriginateRequest(trunk, call.contact.phoneE164(), callerId,
                    context.settings().ringTimeout(), "attempt-" + call.contact.attemptId());
            call.handle = context.gateway().originate(request, new Listener(call));
        } catch (RuntimeException e) {
            LOG.warn("Campaign {}: attempt {} could not be placed: {}", campaignId, call.contact.attemptId(), e.getMessage());
            ended(call, CallOutcome.NETWORK_FAILURE, "not placed: " + e.getMessage());
        }
    }

    private void retryWaitingCalls() {
        for (LiveCall call : calls.values()) {
            if (call.stage == LiveCall.Stage.WAITING_FOR_AGENT) {
                bridgeToFreeAgent(call);
            }
        }
    }

    /** Somebody picked up at {@code at}, as the gateway said: the deadline to reach an agent runs from then. */
    private void answered(LiveCall call, Instant at) {
        if (call.stage != LiveCall.Stage.DIALLING) {
            return;
        }
        long left = context.settings().agentDeadline().toMillis() - Duration.between(at, context.clock().instant()).toMillis();
        call.deadline = thread.schedule(() -> missedDeadline(call), Math.max(0, left), TimeUnit.MILLISECONDS);
        call.answeredAt = at;
        call.stage = LiveCall.Stage.WAITING_FOR_AGENT;
        statistics.recordAnswer(Duration.between(call.dialledAt, at));
        context.attempts().answered(call.contact.attemptId(), at);
        if (call.agent != null) {
            call.stage = LiveCall.Stage.BRIDGING;
            context.gateway().bridge(call.handle, call.agent.leg());
        } else {
            bridgeToFreeAgent(call);
        }
    }

    private void bridgeToFreeAgent(LiveCall call) {
        if (campaign == null) {
            return;
        }
        context.desk().claim(campaignId, campaign.settings().agentSelection(), call.contact.attemptId()).ifPresent(claim -> {
            call.agent = claim;
            call.stage = LiveCall.Stage.BRIDGING;
            context.gateway().bridge(call.handle, claim.leg());
        });
    }

    private void missedDeadline(LiveCall call) {
        call.deadline = null;
        call.deadlinePassed = true;
        if (call.stage == LiveCall.Stage.WAITING_FOR_AGENT) {
            safeHarbour(call);
        }
    }

    private void safeHarbour(LiveCall call) {
        LOG.debug("Campaign {}: attempt {} reached no agent in time: safe harbour", campaignId, call.contact.attemptId());
        call.stage = LiveCall.Stage.SAFE_HARBOUR;
        context.gateway().playAndHangup(call.handle, context.settings().safeHarbour());
    }

    private void bridged(LiveCall call, AgentLeg leg) {
        if (call.stage != LiveCall.Stage.BRIDGING || call.agent == null) {
            return;
        }
        Instant now = context.clock().instant();
        cancelDeadline(call);
        call.stage = LiveCall.Stage.BRIDGED;
        call.bridgedAt = now;
        counters.connected(now);
        context.attempts().bridged(call.contact.attemptId(), call.agent.agentId(), now);
        context.desk().publish(call.agent.agentId(), new AgentEvent("call.bridged", ScreenPop.of(campaignId, call.contact)));
    }

    private void bridgeFailed(LiveCall call, String rawCause) {
        if (call.stage != LiveCall.Stage.BRIDGING || call.agent == null) {
            return;
        }
        LOG.info("Campaign {}: attempt {} could not be bridged to agent {}: {}", campaignId, call.contact.attemptId(),
                call.agent.agentId(), rawCause);
        context.desk().release(call.agent.agentId());
        call.agent = null;
        if (call.deadlinePassed) {
            safeHarbour(call);
            return;
        }
        call.stage = LiveCall.Stage.WAITING_FOR_AGENT;
        bridgeToFreeAgent(call);
    }

    private void detected(LiveCall call, AnswerKind kind) {
        if (kind != AnswerKind.MACHINE) {
            return;
        }
        call.machine = true;
        if (call.stage == LiveCall.Stage.WAITING_FOR_AGENT) {
            cancelDeadline(call);
            context.gateway().hangup(call.handle);
        }
    }

    private void ended(LiveCall call, CallOutcome network, String rawCause) {
        cancelDeadline(call);
        Instant now = context.clock().instant();
        if (call.stage == LiveCall.Stage.BRIDGED) {
            call.stage = LiveCall.Stage.WRAP_UP;
            context.attempts().hungUp(call.contact.attemptId(), now, rawCause);
            context.desk().wrapUp(call.agent.agentId());
            context.desk().publish(call.agent.agentId(), new AgentEvent("call.ended",
                    Map.of("attemptId", call.contact.attemptId(), "cause", String.valueOf(rawCause))));
            Duration wrapUp = campaign().settings().wrapUp().orElse(context.settings().wrapUpLimit());
            call.deadline = thread.schedule(() -> wrapUpOver(call), wrapUp.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        if (call.agent != null) {
            context.desk().release(call.agent.agentId());
        }
        call.agent = null;
        Outcome outcome = call.answeredAt == null ? Outcome.of(network)
                : call.machine || network == CallOutcome.MACHINE ? Outcome.MACHINE : Outcome.ABANDONED;
        call.stage = LiveCall.Stage.CLOSING;
        call.close = () -> closeUnconnected(call, outcome, rawCause, now);
        call.close.run();
    }

    /** Writes the end of a call that reached no agent; a call whose write failed is written again on the next tick. */
    private void closeUnconnected(LiveCall call, Outcome outcome, String rawCause, Instant endedAt) {
        context.attempts().close(call.contact.attemptId(), outcome, rawCause, null, null,
                OutcomeRules.afterNetwork(campaign(), outcome, endedAt), campaign().settings().maxAttemptsTotal(), endedAt);
        calls.remove(call.contact.attemptId());
        statistics.recordDial(outcome == Outcome.ABANDONED);
        if (outcome == Outcome.ABANDONED) {
            counters.abandoned(endedAt);
        }
    }

    private void closeFailedWrites() {
        for (LiveCall call : List.copyOf(calls.values())) {
            boolean wrapUpOver = call.stage == LiveCall.Stage.WRAP_UP && call.deadline == null;
            if ((call.stage == LiveCall.Stage.CLOSING || wrapUpOver) && call.close != null) {
                call.close.run();
            }
        }
    }

    private void wrapUpOver(LiveCall call) {
        call.deadline = null;
        if (call.stage == LiveCall.Stage.WRAP_UP && calls.containsKey(call.contact.attemptId())) {
            call.close = () -> wrapUpOver(call);
            Instant now = context.clock().instant();
            Disposition none = campaign().settings().disposition(Disposition.NONE_GIVEN.code()).orElse(Disposition.NONE_GIVEN);
            finishConnected(call, none, null, OutcomeRules.afterDisposition(none, null, null, now), now);
            context.desk().publish(call.agent.agentId(), new AgentEvent("wrapup.ended",
                    Map.of("attemptId", call.contact.attemptId(), "disposition", none.code())));
        }
    }

    /** Closes a connected call with its disposition; when a write fails the call stays in wrap-up, to be closed again. */
    private String finishConnected(LiveCall call, Disposition disposition, String notes, NextStep next, Instant now) {
        if (disposition.kind() == Disposition.Kind.DNC) {
            context.doNotCall().accept(campaignId, call.contact.phoneE164());
        }
        String state = context.attempts().close(call.contact.attemptId(), Outcome.CONNECTED, null, disposition.code(),
                notes, next, campaign().settings().maxAttemptsTotal(), now).orElse("CLOSED");
        cancelDeadline(call);
        calls.remove(call.contact.attemptId());
        statistics.recordDial(true);
        statistics.recordHandled(Duration.between(call.bridgedAt, now));
        context.desk().finishWrapUp(call.agent.agentId());
        retryWaitingCalls();
        return state;
    }

    private Campaign campaign() {
        if (campaign == null) {
            reload(context.clock().instant());
        }
        return campaign;
    }

    private static void cancelDeadline(LiveCall call) {
        if (call.deadline != null) {
            call.deadline.cancel(false);
            call.deadline = null;
        }
    }

    private <T> CompletableFuture<T> on(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, thread);
    }

    /**
     * Stops the runner: calls in wrap-up are closed with the no-disposition code (their agents are going with
     * the node), offers are taken back, and the thread stops; calls still up are the gateway's to end, and
     * their attempts are closed as interrupted when the node starts again.
     */
    @Override
    public void close() {
        try {
            on(() -> {
                for (LiveCall call : List.copyOf(calls.values())) {
                    if (call.stage == LiveCall.Stage.WRAP_UP) {
                        wrapUpOver(call);
                    } else if (call.stage == LiveCall.Stage.OFFERED) {
                        withdraw(call);
                    }
                }
                return null;
            }).get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            LOG.warn("Campaign {}: could not close its calls in wrap-up before stopping", campaignId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            thread.shutdownNow();
        }
    }

    /** Runs one call's event on the runner's thread; one that fails is logged, and the runner goes on. */
    private void event(Runnable handler) {
        thread.execute(() -> {
            try {
                handler.run();
            } catch (RuntimeException e) {
                LOG.error("Campaign {}: a call event failed", campaignId, e);
            }
        });
    }

    /** Hands each of one call's events to the runner's thread. */
    private final class Listener implements CallListener {
        private final LiveCall call;

        Listener(LiveCall call) {
            this.call = call;
        }

        @Override
        public void trying(CallHandle handle, String trunk) {
            // the attempt row says the call was placed; which trunk carried it is the gateway's log
        }

        @Override
        public void ringing(CallHandle handle) {
            // nothing changes for the dialler until an answer or the end
        }

        @Override
        public void answered(CallHandle handle) {
            Instant at = context.clock().instant();
            event(() -> CampaignRunner.this.answered(call, at));
        }

        @Override
        public void detected(CallHandle handle, AnswerKind kind) {
            event(() -> CampaignRunner.this.detected(call, kind));
        }

        @Override
        public void bridged(CallHandle handle, AgentLeg agent) {
            event(() -> CampaignRunner.this.bridged(call, agent));
        }

        @Override
        public void bridgeFailed(CallHandle handle, AgentLeg agent, String rawCause) {
            event(() -> CampaignRunner.this.bridgeFailed(call, rawCause));
        }

        @Override
        public void ended(CallHandle handle, CallOutcome outcome, String rawCause) {
            event(() -> CampaignRunner.this.ended(call, outcome, rawCause));
        }
    }
}
