package dialer.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

import javax.sql.DataSource;

import dialer.agent.AgentDao;
import dialer.agent.AgentDesk;
import dialer.attempt.AttemptLog;
import dialer.attempt.Disposition;
import dialer.attempt.Leases;
import dialer.campaign.Campaign;
import dialer.campaign.CampaignService;
import dialer.campaign.CampaignState;
import dialer.contact.ContactPartitions;
import dialer.gateway.GatewayDriver;
import dialer.lease.ContactLeaser;
import dialer.stats.CampaignStats;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The campaign engine of one node: starts, pauses and stops campaigns, runs the dial loop of each running
 * campaign that Quartz gives this node, takes agents' dispositions to the runner of their call, renews the
 * leases of this node's open attempts, and does the cluster's housekeeping when Quartz asks.
 */
public final class CampaignEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CampaignEngine.class);
    /** How long a dial loop firing keeps its campaign dialling here: a few firings, so that one late is no gap. */
    private static final Duration DIAL_SLICE = Duration.ofSeconds(3);
    private static final Duration RENEW_EVERY = Duration.ofSeconds(15);
    private static final Duration DISPOSE_TIMEOUT = Duration.ofSeconds(10);

    private final EngineContext context;
    private final Leases leases;
    private final Map<Long, CampaignRunner> runners = new ConcurrentHashMap<>();
    private final ScheduledExecutorService renewals;
    private final EngineScheduler scheduler;

    /**
     * @param doNotCall adds a number to a campaign's do-not-call list, for the agents' DNC dispositions
     */
    public CampaignEngine(Jdbi jdbi, DataSource dataSource, GatewayDriver gateway, AgentDesk desk,
            CampaignService campaigns, BiConsumer<Long, String> doNotCall, Clock clock,
            String nodeId, EngineSettings settings) {
        this.context = new EngineContext(jdbi, gateway, desk, campaigns, new ContactLeaser(), new AttemptLog(jdbi),
                new CampaignStats(jdbi), doNotCall, clock, nodeId, settings);
        this.leases = new Leases(jdbi);
        this.renewals = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "engine-upkeep");
            thread.setDaemon(true);
            return thread;
        });
        this.scheduler = new EngineScheduler(dataSource, nodeId, this, 5);
    }

    /**
     * Closes what this node left open when it stopped (its attempts, as {@code INTERRUPTED}; its agents, as
     * offline), then starts its upkeep (renewing the leases of the attempts its runners hold, every 15 s, and
     * retiring idle runners) and firing jobs.
     */
    public void start() {
        Instant now = context.clock().instant();
        int interrupted = leases.interruptLeftBy(context.nodeId(), now);
        int agents = context.jdbi().withExtension(AgentDao.class, dao -> dao.logOutLeftBy(context.nodeId()));
        if (interrupted + agents > 0) {
            LOG.warn("Node {} stopped with {} contacts in open attempts (closed as interrupted and rescheduled) "
                    + "and {} agents logged in (now offline)", context.nodeId(), interrupted, agents);
        }
        long period = RENEW_EVERY.toMillis();
        renewals.scheduleAtFixedRate(this::upkeep, period, period, TimeUnit.MILLISECONDS);
        for (long campaignId : context.campaigns().idsIn(CampaignState.RUNNING)) {
            scheduler.scheduleDialLoop(campaignId);
        }
        scheduler.start();
    }

    /**
     * Starts or resumes a campaign: it dials from the next firing of its dial loop. A running campaign
     * completes once it has contacts and all of them are done; one with no contact yet waits for its list.
     *
     * @return the campaign, or empty when there is none
     * @throws dialer.validation.ConflictException when it is stopped or completed
     */
    public Optional<Campaign> start(long campaignId) {
        Optional<Campaign> current = context.campaigns().find(campaignId);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        if (current.get().state() == CampaignState.STOPPED || current.get().state() == CampaignState.COMPLETED) {
            return context.campaigns().transition(campaignId, EnumSet.of(CampaignState.DRAFT, CampaignState.PAUSED),
                    CampaignState.RUNNING);
        }
        context.jdbi().useTransaction(handle -> {
            ContactPartitions.lockIntake(handle, campaignId);
            ContactPartitions.ensureDialIndexes(handle, campaignId);
        });
        Optional<Campaign> campaign = context.campaigns().transition(campaignId,
                EnumSet.of(CampaignState.DRAFT, CampaignState.PAUSED), CampaignState.RUNNING);
        scheduler.scheduleDialLoop(campaignId);
        return campaign;
    }

    /** Pauses a running campaign: no new call; the calls up go on to their end. */
    public Optional<Campaign> pause(long campaignId) {
        return halt(campaignId, EnumSet.of(CampaignState.RUNNING), CampaignState.PAUSED);
    }

    /** Stops a campaign for good: no new call; the calls up go on to their end. */
    public Optional<Campaign> stop(long campaignId) {
        return halt(campaignId, EnumSet.of(CampaignState.DRAFT, CampaignState.RUNNING, CampaignState.PAUSED),
                CampaignState.STOPPED);
    }

    /**
     * Applies agent {@code userId}'s disposition to the call it is wrapping up.
     *
     * @return the contact's new state
     * @throws IllegalStateException    when the agent has no call in wrap-up with that id
     * @throws IllegalArgumentException for an unknown disposition or a callback without its time
     */
    public String dispose(long userId, long attemptId, String code, String notes, Instant callbackAt, Long callbackOwner) {
        return await(runnerOfCall(userId, "no call to set a disposition for")
                .dispose(attemptId, userId, code, notes, callbackAt, callbackOwner));
    }

    /**
     * Dials the contact that preview mode offered agent {@code userId}; the answered call goes to that agent.
     *
     * @throws IllegalStateException when the agent has no such offer
     */
    public void acceptPreview(long userId, long attemptId) {
        await(runnerOfCall(userId, "no preview offered").acceptPreview(attemptId, userId));
    }

    /** The runner of the campaign agent {@code userId} has a call (or an offer) of, on this node. */
    private CampaignRunner runnerOfCall(long userId, String otherwise) {
        return context.desk().campaignOfCall(userId).map(runners::get)
                .orElseThrow(() -> new IllegalStateException("the agent has " + otherwise));
    }

    /** The dispositions agent {@code userId} may set on its current call: its campaign's; empty with no call. */
    public Optional<List<Disposition>> dispositionsOfCall(long userId) {
        return context.desk().campaignOfCall(userId).flatMap(context.campaigns()::find)
                .map(campaign -> campaign.settings().dispositions());
    }

    /** Campaign {@code campaignId} on this node now: its calls and its agents logged in here. */
    public LiveFigures live(long campaignId) {
        LiveCalls calls = LiveCalls.NONE;
        CampaignRunner runner = runners.get(campaignId);
        if (runner != null) {
            try {
                calls = await(runner.liveCalls());
            } catch (RejectedExecutionException e) {
                LOG.debug("Campaign {}: its runner closed meanwhile, with no call up", campaignId);
            }
        }
        return LiveFigures.of(calls, context.desk().list().stream()
                .filter(agent -> agent.campaigns().containsKey(campaignId)).toList());
    }

    /** The agents logged in on this node. */
    public AgentDesk desk() {
        return context.desk();
    }

    /** The figures of a campaign. */
    public CampaignStats stats() {
        return context.stats();
    }

    void dialLoopFired(long campaignId) {
        Optional<Campaign> campaign = context.campaigns().find(campaignId);
        if (campaign.isEmpty() || campaign.get().state() != CampaignState.RUNNING) {
            scheduler.unscheduleDialLoop(campaignId);
            return;
        }
        runners.compute(campaignId, (id, runner) -> {
            CampaignRunner dialling = runner == null ? new CampaignRunner(id, context) : runner;
            dialling.dialUntil(context.clock().instant().plus(DIAL_SLICE));
            return dialling;
        });
    }

    void housekeeping() {
        try {
            Instant now = context.clock().instant();
            int expired = leases.interruptExpired(now);
            if (expired > 0) {
                LOG.warn("{} attempts' leases ran out (their node is gone): closed as interrupted", expired);
            }
            leases.recycle(now);
            for (long campaignId : context.campaigns().idsIn(CampaignState.RUNNING)) {
                scheduler.scheduleDialLoop(campaignId);
                if (context.jdbi().withHandle(handle -> handle.createQuery("""
                                SELECT EXISTS (SELECT 1 FROM contacts WHERE campaign_id = :c)
                                   AND NOT EXISTS (SELECT 1 FROM contacts WHERE campaign_id = :c
                                                   AND state IN ('READY', 'RETRY', 'CALLBACK', 'DIALING'))
                                   AND NOT EXISTS (SELECT 1 FROM did_groups WHERE campaign_id = :c)""")
                        .bind("c", campaignId).mapTo(Boolean.class).one())) {
                    context.campaigns().transition(campaignId, EnumSet.of(CampaignState.RUNNING), CampaignState.COMPLETED);
                    LOG.info("Campaign {} completed: every contact is done", campaignId);
                    scheduler.unscheduleDialLoop(campaignId);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Housekeeping failed; the next run tries again", e);
        }
    }

    private Optional<Campaign> halt(long campaignId, EnumSet<CampaignState> from, CampaignState to) {
        Optional<Campaign> campaign = context.campaigns().transition(campaignId, from, to);
        campaign.ifPresent(found -> {
            scheduler.unscheduleDialLoop(campaignId);
            Optional.ofNullable(runners.get(campaignId)).ifPresent(CampaignRunner::stopDialling);
        });
        return campaign;
    }

    /** Closes the runners with nothing to do; a dial loop firing meanwhile waits, then makes a new one. */
    private void retireIdleRunners() {
        for (Long campaignId : runners.keySet()) {
            runners.computeIfPresent(campaignId, (id, runner) -> {
                if (await(runner.retireIfIdle())) {
                    runner.close();
                    return null;
                }
                return runner;
            });
        }
    }

    /** This node's own upkeep: renews the leases of the attempts its runners hold, and retires idle runners. */
    private void upkeep() {
        try {
            List<Long> held = new ArrayList<>();
            for (CampaignRunner runner : runners.values()) {
                try {
                    held.addAll(await(runner.heldAttempts()));
                } catch (RejectedExecutionException e) {
                    LOG.debug("A runner closed while its attempts were listed");
                }
            }
            leases.renew(held, context.clock().instant(), context.settings().leaseTime());
            retireIdleRunners();
        } catch (RuntimeException e) {
            LOG.warn("Could not renew this node's leases; retrying in {} s", RENEW_EVERY.toSeconds(), e);
        }
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(DISPOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the campaign's runner did not answer in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Stops firing jobs here, then stops every runner; the gateway ends their calls when it closes. */
    @Override
    public void close() {
        scheduler.close();
        renewals.shutdownNow();
        runners.values().forEach(CampaignRunner::close);
        runners.clear();
    }
}
