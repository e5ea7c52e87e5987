package dialer.pacing.simulation;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import dialer.pacing.Observations;
import dialer.pacing.PacingSnapshot;
import dialer.pacing.PacingStrategy;
import dialer.pacing.estimate.CallStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.util.ResizableDoubleArray;

/**
 * A discrete-event simulation of one shift of a call centre dialled by a pacing strategy; the same seed
 * gives the same shift. Every {@code tickSeconds} the strategy is shown the campaign and says how many
 * calls to dial; each dial meets the next call of a {@link CallStream}. A live answer goes to the agent
 * who has been ready longest, or waits; one that waits more than {@link CallCentre#ABANDON_AFTER_SECONDS}
 * is abandoned. Agents talk, wrap up, and are ready again. Dialling stops at the end of the shift; calls
 * already dialled run their course. The strategy sees the campaign's {@link CallStatistics} as the dialler
 * would keep them, starting from fixed priors (30% live answers, 10 s to answer, 180 s handle time) that are
 * not taken from the simulated centre. Idle time between calls counts the gaps that start within the
 * shift, up to its end.
 */
public final class CallCentreSimulator {
    private static final double PRIOR_LIVE_ANSWER = 0.3;
    private static final Duration PRIOR_TIME_TO_ANSWER = Duration.ofSeconds(10);
    private static final Duration PRIOR_HANDLE_TIME = Duration.ofSeconds(180);

    private final CallCentre centre;
    private final double tickSeconds;

    public CallCentreSimulator(CallCentre centre, double tickSeconds) {
        if (!(tickSeconds > 0)) {
            throw new IllegalArgumentException("tick must be above 0 s: " + tickSeconds);
        }
        this.centre = centre;
        this.tickSeconds = tickSeconds;
    }

    /** Runs one shift with {@code strategy} (used by this run only) on the call stream of {@code seed}. */
    public SimulationReport run(PacingStrategy strategy, long seed) {
        return new Shift(strategy, new CallStream(centre, seed)).run();
    }

    private enum Kind { TICK, RESULT, ABANDON, TALK_END, WRAP_END }

    private record Event(double time, long order, Kind kind, int subject, DialledCall call) {
    }

    private enum AgentState { READY, TALKING, WRAP }

    /** The state of one running shift. */
    private final class Shift {
        private final PacingStrategy strategy;
        private final CallStream calls;
        private final double end = centre.hours() * 3600;
        private final PriorityQueue<Event> events = new PriorityQueue<>(
                (a, b) -> a.time != b.time ? Double.compare(a.time, b.time) : Long.compare(a.order, b.order));
        private final AgentState[] states = new AgentState[centre.agents()];
        private final double[] since = new double[centre.agents()];
        private final double[] connectedAt = new double[centre.agents()];
        private final CallStatistics statistics = new CallStatistics(PRIOR_LIVE_ANSWER, PRIOR_TIME_TO_ANSWER,
                PRIOR_HANDLE_TIME);
        private final Deque<Integer> ready = new ArrayDeque<>();
        private final Map<Integer, Double> ringing = new LinkedHashMap<>();
        private final Map<Integer, DialledCall> waiting = new LinkedHashMap<>();
        private final ResizableDoubleArray idleGaps = new ResizableDoubleArray();
        private long order;
        private int nextCallId;
        private double busySeconds;
        private long dials;
        private long liveAnswers;
        private long abandoned;
        private long connects;

        Shift(PacingStrategy strategy, CallStream calls) {
            this.strategy = strategy;
            this.calls = calls;
            for (int agent = 0; agent < states.length; agent++) {
                states[agent] = AgentState.READY;
                ready.add(agent);
            }
        }

        SimulationReport run() {
            schedule(0, Kind.TICK, -1, null);
            while (!events.isEmpty()) {
                Event event = events.poll();
                switch (event.kind) {
                    case TICK -> tick(event.time);
                    case RESULT -> result(event.time, event.subject, event.call);
                    case ABANDON -> abandon(event.subject);
                    case TALK_END -> wrapUp(event.time, event.subject);
                    case WRAP_END -> free(event.time, event.subject);
                }
            }
            for (int agent = 0; agent < states.length; agent++) {
                if (states[agent] == AgentState.READY && since[agent] < end) {
                    idleGaps.addElement(end - since[agent]);
                }
            }
            double agentHours = centre.agents() * centre.hours();
            double idleP95 = idleGaps.getNumElements() == 0 ? 0 : new Percentile().evaluate(idleGaps.getElements(), 95);
            return new SimulationReport(strategy.name(), busySeconds / (agentHours * 3600),
                    liveAnswers == 0 ? 0 : (double) abandoned / liveAnswers, connects / agentHours, dials / agentHours,
                    idleP95, dials, liveAnswers, abandoned);
        }

        private void tick(double now) {
            int launch = strategy.callsToLaunch(snapshot(now));
            for (int i = 0; i < launch; i++) {
                DialledCall call = calls.next();
                int id = nextCallId++;
                dials++;
                ringing.put(id, now);
                schedule(now + call.secondsToResult(), Kind.RESULT, id, call);
            }
            if (now + tickSeconds < end) {
                schedule(now + tickSeconds, Kind.TICK, -1, null);
            }
        }

        private PacingSnapshot snapshot(double now) {
            List<Duration> onCall = new ArrayList<>();
            List<Duration> inWrapUp = new ArrayList<>();
            for (int agent = 0; agent < states.length; agent++) {
                if (states[agent] == AgentState.TALKING) {
                    onCall.add(seconds(now - connectedAt[agent]));
                } else if (states[agent] == AgentState.WRAP) {
                    inWrapUp.add(seconds(now - connectedAt[agent]));
                }
            }
            List<Duration> inFlight = new ArrayList<>(ringing.size());
            for (double dialled : ringing.values()) {
                inFlight.add(seconds(now - dialled));
            }
            return new PacingSnapshot(now, ready.size(), onCall, inWrapUp, inFlight, waiting.size(),
                    new Observations(dials, liveAnswers, abandoned, liveAnswers, abandoned), statistics.models());
        }

        private void result(double now, int id, DialledCall call) {
            ringing.remove(id);
            boolean live = call.outcome() == DialledCall.Outcome.LIVE;
            statistics.recordDial(live);
            if (!live) {
                return;
            }
            statistics.recordAnswer(seconds(call.secondsToResult()));
            liveAnswers++;
            if (!ready.isEmpty()) {
                connect(now, ready.poll(), call);
            } else {
                waiting.put(id, call);
                schedule(now + CallCentre.ABANDON_AFTER_SECONDS, Kind.ABANDON, id, null);
            }
        }

        private void abandon(int id) {
            if (waiting.remove(id) != null) {
                abandoned++;
            }
        }

        private void connect(double now, int agent, DialledCall call) {
            if (states[agent] == AgentState.READY && since[agent] < end) {
                idleGaps.addElement(Math.min(now, end) - since[agent]);
            }
            connects++;
            states[agent] = AgentState.TALKING;
            since[agent] = now;
            connectedAt[agent] = now;
            double busyUntil = now + call.talkSeconds() + centre.wrapSeconds();
            busySeconds += Math.max(0, Math.min(busyUntil, end) - Math.min(now, end));
            schedule(now + call.talkSeconds(), Kind.TALK_END, agent, null);
        }

        private void wrapUp(double now, int agent) {
            states[agent] = AgentState.WRAP;
            since[agent] = now;
            schedule(now + centre.wrapSeconds(), Kind.WRAP_END, agent, null);
        }

        private void free(double now, int agent) {
            statistics.recordHandled(seconds(now - connectedAt[agent]));
            Iterator<DialledCall> oldest = waiting.values().iterator();
            if (oldest.hasNext()) {
                DialledCall call = oldest.next();
                oldest.remove();
                if (now < end) {
                    idleGaps.addElement(0);
                }
                connect(now, agent, call);
                return;
            }
            states[agent] = AgentState.READY;
            since[agent] = now;
            ready.add(agent);
        }

        private void schedule(double time, Kind kind, int subject, DialledCall call) {
            events.add(new Event(time, order++, kind, subject, call));
        }

        private static Duration seconds(double seconds) {
            return Duration.ofNanos((long) (seconds * 1e9));
        }
    }
}
