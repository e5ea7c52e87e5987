package dialer.api.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import dialer.pacing.Observations;
import dialer.pacing.PacingSnapshot;
import dialer.pacing.PredictivePacing;
import dialer.pacing.estimate.CallModels;
import dialer.pacing.estimate.LogNormalDuration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One predictive pacing decision for 100 agents. {@code busy}: 10% ready, 70% on a call, 20% in wrap-up,
 * each connected at a random time, and three calls in flight per agent dialled at random times (a few
 * share a 10 ms slot of the decision's memo). {@code idle}: every agent ready, no call in flight and a 2%
 * answer rate, so that the search for how many calls to launch runs to its cap of three per agent.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PacingDecisionBenchmark {
    @Param({"busy", "idle"})
    String campaign;

    private PredictivePacing predictive;
    private PacingSnapshot snapshot;

    @Setup
    public void setUp() {
        int agents = 100;
        Random random = new Random(1);
        List<Duration> onCall = new ArrayList<>();
        List<Duration> inWrapUp = new ArrayList<>();
        List<Duration> inFlight = new ArrayList<>();
        boolean busy = campaign.equals("busy");
        for (int agent = 0; busy && agent < agents * 7 / 10; agent++) {
            onCall.add(Duration.ofMillis(random.nextInt(600_000)));
        }
        for (int agent = 0; busy && agent < agents * 2 / 10; agent++) {
            inWrapUp.add(Duration.ofMillis(random.nextInt(600_000)));
        }
        for (int call = 0; busy && call < 3 * agents; call++) {
            inFlight.add(Duration.ofMillis(random.nextInt(25_000)));
        }
        CallModels models = new CallModels(busy ? 0.3 : 0.02, 10_000,
                LogNormalDuration.ofMeanAndCoefficientOfVariation(Duration.ofSeconds(8), 0.5), 3_000,
                LogNormalDuration.ofMeanAndCoefficientOfVariation(Duration.ofSeconds(190), 0.8), 3_000);
        snapshot = new PacingSnapshot(3_600, agents - onCall.size() - inWrapUp.size(), onCall, inWrapUp, inFlight, 0,
                new Observations(10_000, 3_000, 40, 3_000, 40), models);
        predictive = new PredictivePacing(0.03);
    }

    @Benchmark
    public int decide() {
        return predictive.callsToLaunch(snapshot);
    }
}
