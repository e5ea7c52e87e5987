package dialer.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import dialer.agent.AgentDesk;
import dialer.agent.AgentEvent;
import dialer.engine.CampaignEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agents played by the appliance itself, for the demo and for tests: each logs in with a simulated phone,
 * takes the calls bridged to it, and when a call ends sets a disposition drawn from a realistic mix after
 * a short wrap-up. They act on their own thread, as people at their desks would, through the same
 * {@link AgentDesk} and {@link CampaignEngine} calls as the web desktop.
 */
public final class SimulatedAgents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedAgents.class);
    /** Codes with their weights: sales, refusals, undecided (retry), callbacks, do-not-call, wrong person. */
    private static final String[] CODES = {"sale", "not-interested", "no-decision", "callback", "do-not-call", "wrong-person"};
    private static final int[] WEIGHTS = {20, 40, 20, 10, 5, 5};

    private final CampaignEngine engine;
    private final Clock clock;
    private final Duration wrapUp;
    private final Duration callbackAfter;
    private final Random random;
    private final ScheduledExecutorService desks;
    private final List<Agent> agents = new ArrayList<>();
    private final AtomicLong dispositions = new AtomicLong();

    /**
     * @param wrapUp        how long an agent takes to set a disposition after a call ends
     * @param callbackAfter how far ahead a callback disposition asks to be called back
     */
    public SimulatedAgents(CampaignEngine engine, Clock clock, Duration wrapUp, Duration callbackAfter, long seed) {
        this.engine = engine;
        this.clock = clock;
        this.wrapUp = wrapUp;
        this.callbackAfter = callbackAfter;
        this.random = new Random(seed);
        this.desks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "simulated-agents");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Logs user {@code userId} in as an agent with a simulated phone, taking calls from now on. */
    public void logIn(long userId, String username) {
        Agent agent = new Agent(userId);
        engine.desk().login(userId, username, "sip:" + username + "@simulated");
        engine.desk().subscribe(userId, agent);
        synchronized (agents) {
            agents.add(agent);
        }
    }

    /** Dispositions set so far. */
    public long dispositions() {
        return dispositions.get();
    }

    /** Logs every agent out. */
    @Override
    public void close() {
        desks.shutdownNow();
        synchronized (agents) {
            agents.forEach(agent -> {
                engine.desk().unsubscribe(agent.userId, agent);
                engine.desk().logout(agent.userId);
            });
            agents.clear();
        }
    }

    private String drawCode() {
        int total = 0;
        for (int weight : WEIGHTS) {
            total += weight;
        }
        int draw = random.nextInt(total);
        for (int i = 0; i < CODES.length; i++) {
            draw -= WEIGHTS[i];
            if (draw < 0) {
                return CODES[i];
            }
        }
        return CODES[0];
    }

    /** One agent's desktop: it hears its events and answers them on the agents' thread. */
    private final class Agent implements Consumer<AgentEvent> {
        private final long userId;

        Agent(long userId) {
            this.userId = userId;
        }

        @Override
        public void accept(AgentEvent event) {
            if ("call.ended".equals(event.type())) {
                long attemptId = ((Number) event.data().get("attemptId")).longValue();
                desks.schedule(() -> dispose(attemptId), wrapUp.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        private void dispose(long attemptId) {
            String code = drawCode();
            try {
                engine.dispose(userId, attemptId, code, "simulated", "callback".equals(code)
                        ? clock.instant().plus(callbackAfter) : null, null);
                dispositions.incrementAndGet();
            } catch (RuntimeException e) {
                LOG.debug("Simulated agent {} could not set {} on attempt {}: {}", userId, code, attemptId, e.getMessage());
            }
        }
    }
}
