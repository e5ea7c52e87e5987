package dialer.gateway.simulated;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dialer.gateway.AgentLeg;
import dialer.gateway.CallHandle;
import dialer.gateway.CallListener;
import dialer.gateway.CallOutcome;
import dialer.gateway.GatewayDriver;
import dialer.gateway.OriginateRequest;
import dialer.gateway.Prompt;
import dialer.gateway.TrunkHealth;

/**
 * A driver with no network, for demonstrations and for tests of the dialler that need many calls: each
 * call meets a person drawn from a {@link SimulatedNetwork}, with a seeded random source. Every change of
 * every call happens on one scheduler thread, in order; listeners are called there.
 */
public final class SimulatedGatewayDriver implements GatewayDriver {
    /** The one trunk this driver has. */
    public static final String TRUNK = "simulated";
    private static final double TRYING_TO_RINGING_SECONDS = 1;
    private static final double BUSY_SECONDS = 2;

    private final SimulatedNetwork network;
    private final Random random;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "simulated-gateway");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, SimulatedCall> calls = new HashMap<>();
    private final Set<String> agentLegs = ConcurrentHashMap.newKeySet();

    public SimulatedGatewayDriver(SimulatedNetwork network, long seed) {
        this.network = network;
        this.random = new Random(seed);
    }

    @Override
    public void start() {
        // nothing to bind or open
    }

    @Override
    public CallHandle originate(OriginateRequest request, CallListener listener) {
        CallHandle handle = new CallHandle("sim-" + ids.incrementAndGet(), request);
        scheduler.execute(() -> place(new SimulatedCall(handle, listener)));
        return handle;
    }

    @Override
    public AgentLeg connectAgent(String agentPhoneUri) {
        AgentLeg leg = new AgentLeg("sim-agent-" + ids.incrementAndGet(), agentPhoneUri);
        agentLegs.add(leg.id());
        return leg;
    }

    @Override
    public void disconnectAgent(AgentLeg agent) {
        agentLegs.remove(agent.id());
    }

    @Override
    public void bridge(CallHandle customer, AgentLeg agent) {
        if (!agentLegs.contains(agent.id())) {
            throw new IllegalArgumentException("agent leg " + agent.id() + " is not connected");
        }
        scheduler.execute(() -> {
            SimulatedCall call = calls.get(customer.id());
            if (call != null && call.state == State.ANSWERED) {
                call.state = State.BRIDGED;
                later(exponential(network.talkMeanSeconds()), () -> end(call, CallOutcome.ANSWERED, "BYE from the callee"));
            }
        });
    }

    @Override
    public void hangup(CallHandle handle) {
        scheduler.execute(() -> {
            SimulatedCall call = calls.get(handle.id());
            if (call != null) {
                boolean answered = call.state == State.ANSWERED || call.state == State.BRIDGED;
                end(call, answered ? CallOutcome.ANSWERED : CallOutcome.NO_ANSWER,
                        answered ? "BYE from the appliance" : "487 Request Terminated (CANCEL)");
            }
        });
    }

    @Override
    public void playAndHangup(CallHandle handle, Prompt prompt) {
        scheduler.execute(() -> {
            SimulatedCall call = calls.get(handle.id());
            if (call != null && call.state == State.ANSWERED) {
                call.state = State.PLAYING;
                later(prompt.length().toMillis() / 1000.0, () -> end(call, CallOutcome.ANSWERED, "BYE after " + prompt.name()));
            }
        });
    }

    @Override
    public List<TrunkHealth> health() {
        return List.of(new TrunkHealth(TRUNK, true, "simulated", channelsBusy(), network.maxChannels()));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private int channelsBusy() {
        try {
            return scheduler.submit(calls::size).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void place(SimulatedCall call) {
        if (calls.size() >= network.maxChannels()) {
            call.listener.ended(call.handle, CallOutcome.CONGESTION, "503 Service Unavailable (all channels busy)");
            return;
        }
        calls.put(call.handle.id(), call);
        call.listener.trying(call.handle);
        double kind = random.nextDouble();
        double ring = exponential(network.ringMeanSeconds());
        double timeout = call.handle.request().ringTimeout().toMillis() / 1000.0;
        if (kind < network.invalidRate()) {
            later(0, () -> end(call, CallOutcome.INVALID_NUMBER, "404 Not Found"));
            return;
        }
        if (kind < network.invalidRate() + network.busyRate()) {
            later(BUSY_SECONDS, () -> end(call, CallOutcome.BUSY, "486 Busy Here"));
            return;
        }
        later(TRYING_TO_RINGING_SECONDS, () -> ringing(call));
        boolean person = kind < network.invalidRate() + network.busyRate() + network.liveAnswerRate();
        boolean machine = !person && kind < network.invalidRate() + network.busyRate() + network.liveAnswerRate()
                + network.machineRate();
        if ((person || machine) && TRYING_TO_RINGING_SECONDS + ring < timeout) {
            later(TRYING_TO_RINGING_SECONDS + ring, () -> answer(call, machine));
        } else {
            later(timeout, () -> end(call, CallOutcome.NO_ANSWER, "487 Request Terminated (CANCEL after the ring time)"));
        }
    }

    private void ringing(SimulatedCall call) {
        if (call.state == State.TRYING) {
            call.state = State.RINGING;
            call.listener.ringing(call.handle);
        }
    }

    private void answer(SimulatedCall call, boolean machine) {
        if (call.state == State.TRYING || call.state == State.RINGING) {
            call.state = State.ANSWERED;
            call.listener.answered(call.handle, machine);
            later(network.silenceSeconds(), () -> {
                if (call.state == State.ANSWERED) {
                    end(call, CallOutcome.ANSWERED, "BYE from the callee (nobody there)");
                }
            });
        }
    }

    private void end(SimulatedCall call, CallOutcome outcome, String rawCause) {
        if (call.state != State.ENDED) {
            call.state = State.ENDED;
            calls.remove(call.handle.id());
            call.listener.ended(call.handle, outcome, rawCause);
        }
    }

    /** Runs {@code step} after {@code seconds} of simulated time. */
    private void later(double seconds, Runnable step) {
        scheduler.schedule(step, Math.round(seconds * 1e6 / network.speed()), TimeUnit.MICROSECONDS);
    }

    private double exponential(double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    private enum State { TRYING, RINGING, ANSWERED, BRIDGED, PLAYING, ENDED }

    /** One call's state, touched only on the scheduler thread. */
    private static final class SimulatedCall {
        private final CallHandle handle;
        private final CallListener listener;
        private State state = State.TRYING;

        SimulatedCall(CallHandle handle, CallListener listener) {
            this.handle = handle;
            this.listener = listener;
        }
    }
}
