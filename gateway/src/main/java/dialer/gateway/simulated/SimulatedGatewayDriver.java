package dialer.gateway.simulated;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dialer.gateway.AgentLeg;
import dialer.gateway.AgentLegListener;
import dialer.gateway.AnswerKind;
import dialer.gateway.CallHandle;
import dialer.gateway.CallListener;
import dialer.gateway.CallOutcome;
import dialer.gateway.GatewayDriver;
import dialer.gateway.OriginateRequest;
import dialer.gateway.Prompt;
import dialer.gateway.TrunkHealth;

/**
 * A driver with no network, for demonstrations and for tests of the dialler that need many calls: each
 * call meets a person drawn from a {@link SimulatedNetwork}, with a random source of its own derived from
 * the seed. Every change of every call and leg happens on one scheduler thread, in order; listeners are
 * called there.
 */
public final class SimulatedGatewayDriver implements GatewayDriver {
    /** The one trunk this driver has. */
    public static final String TRUNK = "simulated";
    private static final System.Logger LOG = System.getLogger(SimulatedGatewayDriver.class.getName());
    private static final double TRYING_TO_RINGING_SECONDS = 1;
    private static final double BUSY_SECONDS = 2;
    private static final double DETECTION_SECONDS = 2.5;
    private static final double AGENT_ANSWERS_SECONDS = 1;

    private final SimulatedNetwork network;
    private final long seed;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicInteger busyChannels = new AtomicInteger();
    private final Map<String, SimulatedCall> calls = new HashMap<>();
    private final Map<String, SimulatedLeg> legs = new HashMap<>();
    private volatile ScheduledExecutorService scheduler;

    public SimulatedGatewayDriver(SimulatedNetwork network, long seed) {
        this.network = network;
        this.seed = seed;
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            throw new IllegalStateException("the simulated driver is started already");
        }
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "simulated-gateway");
            thread.setDaemon(true);
            return thread;
        });
        // at close every call is ended first: what was still to happen to them is moot
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduler = executor;
    }

    @Override
    public CallHandle originate(OriginateRequest request, CallListener listener) {
        long number = ids.incrementAndGet();
        CallHandle handle = new CallHandle("sim-" + number, request);
        Random random = new Random(spread(seed + number * 0x9E3779B97F4A7C15L));
        run(() -> place(new SimulatedCall(handle, listener, random)));
        return handle;
    }

    @Override
    public AgentLeg connectAgent(String agentPhoneUri, AgentLegListener listener) {
        AgentLeg leg = new AgentLeg("sim-agent-" + ids.incrementAndGet(), agentPhoneUri);
        run(() -> {
            SimulatedLeg simulated = new SimulatedLeg(leg, listener);
            legs.put(leg.id(), simulated);
            later(AGENT_ANSWERS_SECONDS, () -> {
                if (legs.get(leg.id()) == simulated) {
                    simulated.connected = true;
                    notify(() -> listener.connected(leg));
                }
            });
        });
        return leg;
    }

    @Override
    public void disconnectAgent(AgentLeg agent) {
        run(() -> {
            SimulatedLeg leg = legs.remove(agent.id());
            if (leg != null) {
                notify(() -> leg.listener.dropped(agent, "BYE from the appliance"));
            }
        });
    }

    @Override
    public void bridge(CallHandle customer, AgentLeg agent) {
        run(() -> {
            SimulatedCall call = calls.get(customer.id());
            SimulatedLeg leg = legs.get(agent.id());
            if (call == null) {
                LOG.log(System.Logger.Level.DEBUG, "bridge of {0}, which has ended, to {1} ignored", customer.id(), agent.id());
            } else if (call.state != SimulatedCall.State.ANSWERED) {
                notify(() -> call.listener.bridgeFailed(customer, agent, "the call is " + call.state.name().toLowerCase(Locale.ROOT)));
            } else if (leg == null || !leg.connected || leg.bridgedTo != null) {
                notify(() -> call.listener.bridgeFailed(customer, agent, "agent leg not connected or busy"));
            } else {
                call.state = SimulatedCall.State.BRIDGED;
                call.agent = agent;
                leg.bridgedTo = call;
                notify(() -> call.listener.bridged(customer, agent));
                later(exponential(call.random, network.talkMeanSeconds()),
                        () -> end(call, CallOutcome.ANSWERED, "BYE from the callee"));
            }
        });
    }

    @Override
    public void hangup(CallHandle handle) {
        run(() -> {
            SimulatedCall call = calls.get(handle.id());
            if (call != null) {
                end(call, call.isAnswered() ? answeredOutcome(call) : CallOutcome.CANCELLED,
                        call.isAnswered() ? "BYE from the appliance" : "487 Request Terminated (CANCEL from the appliance)");
            }
        });
    }

    @Override
    public void playAndHangup(CallHandle handle, Prompt prompt) {
        run(() -> {
            SimulatedCall call = calls.get(handle.id());
            if (call != null && call.state == SimulatedCall.State.ANSWERED) {
                call.state = SimulatedCall.State.PLAYING;
                later(prompt.length().toMillis() / 1000.0,
                        () -> end(call, answeredOutcome(call), "BYE after " + prompt.name()));
            }
        });
    }

    @Override
    public List<TrunkHealth> health() {
        return List.of(new TrunkHealth(TRUNK, true, "simulated", busyChannels.get(), network.maxChannels()));
    }

    /** Ends every call and leg, telling their listeners, then stops. */
    @Override
    public void close() {
        ScheduledExecutorService running = scheduler;
        if (running == null || running.isShutdown()) {
            return;
        }
        running.execute(() -> {
            new ArrayList<>(calls.values()).forEach(call -> end(call, CallOutcome.NETWORK_FAILURE, "the driver stopped"));
            legs.values().forEach(leg -> notify(() -> leg.listener.dropped(leg.leg, "the driver stopped")));
            legs.clear();
        });
        running.shutdown();
        try {
            if (!running.awaitTermination(5, TimeUnit.SECONDS)) {
                running.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.shutdownNow();
        }
    }

    private void place(SimulatedCall call) {
        if (busyChannels.get() >= network.maxChannels()) {
            notify(() -> call.listener.ended(call.handle, CallOutcome.CONGESTION, "no channel free on the trunk: not sent"));
            return;
        }
        calls.put(call.handle.id(), call);
        busyChannels.incrementAndGet();
        notify(() -> call.listener.trying(call.handle, TRUNK));
        double kind = call.random.nextDouble();
        double ring = exponential(call.random, network.ringMeanSeconds());
        double timeout = call.handle.request().ringTimeout().toMillis() / 1000.0;
        double invalid = network.invalidRate();
        double busy = invalid + network.busyRate();
        double person = busy + network.liveAnswerRate();
        double machine = person + network.machineRate();
        if (kind < invalid) {
            later(0, () -> end(call, CallOutcome.INVALID_NUMBER, "404 Not Found"));
        } else if (kind < busy) {
            later(BUSY_SECONDS, () -> end(call, CallOutcome.BUSY, "486 Busy Here"));
        } else {
            later(TRYING_TO_RINGING_SECONDS, () -> ringing(call));
            if (kind < machine && TRYING_TO_RINGING_SECONDS + ring < timeout) {
                later(TRYING_TO_RINGING_SECONDS + ring, () -> answer(call, kind >= person));
            } else {
                later(timeout, () -> end(call, CallOutcome.NO_ANSWER, "487 Request Terminated (CANCEL after the ring time)"));
            }
        }
    }

    private void ringing(SimulatedCall call) {
        if (call.state == SimulatedCall.State.TRYING) {
            call.state = SimulatedCall.State.RINGING;
            notify(() -> call.listener.ringing(call.handle));
        }
    }

    private void answer(SimulatedCall call, boolean machine) {
        if (call.state != SimulatedCall.State.TRYING && call.state != SimulatedCall.State.RINGING) {
            return;
        }
        call.state = SimulatedCall.State.ANSWERED;
        call.machine = machine;
        notify(() -> call.listener.answered(call.handle));
        later(DETECTION_SECONDS, () -> {
            if (call.state != SimulatedCall.State.ENDED) {
                notify(() -> call.listener.detected(call.handle, machine ? AnswerKind.MACHINE : AnswerKind.HUMAN));
            }
        });
        later(network.silenceSeconds(), () -> {
            if (call.state == SimulatedCall.State.ANSWERED) {
                end(call, answeredOutcome(call), "BYE from the callee (nobody there)");
            }
        });
    }

    private void end(SimulatedCall call, CallOutcome outcome, String rawCause) {
        if (call.state == SimulatedCall.State.ENDED) {
            return;
        }
        call.state = SimulatedCall.State.ENDED;
        calls.remove(call.handle.id());
        busyChannels.decrementAndGet();
        if (call.agent != null && legs.get(call.agent.id()) != null) {
            legs.get(call.agent.id()).bridgedTo = null;
        }
        notify(() -> call.listener.ended(call.handle, outcome, rawCause));
    }

    private static CallOutcome answeredOutcome(SimulatedCall call) {
        return call.machine ? CallOutcome.MACHINE : CallOutcome.ANSWERED;
    }

    /** Runs a listener's method; a listener that throws is logged, and the simulation goes on. */
    private static void notify(Runnable event) {
        try {
            event.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a gateway listener failed", e);
        }
    }

    private void run(Runnable step) {
        ScheduledExecutorService running = scheduler;
        if (running == null || running.isShutdown()) {
            throw new IllegalStateException("the simulated driver is not started");
        }
        running.execute(step);
    }

    /** Runs {@code step} after {@code seconds} of simulated time. */
    private void later(double seconds, Runnable step) {
        scheduler.schedule(step, Math.round(seconds * 1e6 / network.speed()), TimeUnit.MICROSECONDS);
    }

    /** SplitMix64's finaliser: neighbouring seeds give unrelated random sources, as java.util.Random's do not. */
    private static long spread(long value) {
        long z = (value ^ (value >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double exponential(Random random, double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }
}
