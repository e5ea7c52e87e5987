package dialer.pacing.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import dialer.pacing.PacingStrategy;
import dialer.pacing.PowerPacing;

/**
 * Runs modes over call centres and seeds, on several threads; every shift is deterministic for its seed,
 * and every mode of a centre meets the same seeded call streams.
 */
public final class Experiments implements AutoCloseable {
    private static final double TICK_SECONDS = 0.5;
    private static final double SMALLEST_RATIO = 1.0;
    private static final double LARGEST_RATIO = 5.0;
    private static final double RATIO_STEP = 0.1;

    private final ExecutorService threads;

    public Experiments(int threadCount) {
        this.threads = Executors.newFixedThreadPool(threadCount, runnable -> {
            Thread thread = new Thread(runnable, "simulation");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The mode's average over {@code seeds} shifts (seeds {@code firstSeed} on) in {@code centre}. */
    public ModeResult run(CallCentre centre, Supplier<PacingStrategy> mode, long firstSeed, int seeds) {
        return runAll(List.of(new Run(centre, mode)), firstSeed, seeds).get(0);
    }

    /** Each run's average over {@code seeds} shifts (seeds {@code firstSeed} on), in order, computed in parallel. */
    public List<ModeResult> runAll(List<Run> runs, long firstSeed, int seeds) {
        if (seeds < 1) {
            throw new IllegalArgumentException("at least one seed: " + seeds);
        }
        List<List<Future<SimulationReport>>> pending = new ArrayList<>();
        for (Run run : runs) {
            List<Future<SimulationReport>> shifts = new ArrayList<>();
            for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
                long shiftSeed = seed;
                shifts.add(threads.submit(() -> new CallCentreSimulator(run.centre(), TICK_SECONDS)
                        .run(run.mode().get(), shiftSeed)));
            }
            pending.add(shifts);
        }
        List<ModeResult> results = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            results.add(average(runs.get(i).centre(), collect(pending.get(i))));
        }
        return results;
    }

    /**
     * Power mode at the largest dial ratio, trying 1.0, 1.1, 1.2... up to 5.0 and stopping at the first
     * whose worst shift breaks {@code targetAbandonRate}: the best a fixed ratio chosen with hindsight does
     * in this centre.
     */
    public ModeResult bestPower(CallCentre centre, double targetAbandonRate, long firstSeed, int seeds) {
        ModeResult best = run(centre, () -> new PowerPacing(SMALLEST_RATIO), firstSeed, seeds);
        for (double ratio = SMALLEST_RATIO + RATIO_STEP; ratio <= LARGEST_RATIO + 1e-9; ratio += RATIO_STEP) {
            double fixed = ratio;
            ModeResult tried = run(centre, () -> new PowerPacing(fixed), firstSeed, seeds);
            if (tried.worstAbandonRate() > targetAbandonRate) {
                break;
            }
            best = new ModeResult("power " + Math.round(fixed * 10) / 10.0, tried.centre(), tried.occupancy(),
                    tried.abandonRate(), tried.worstAbandonRate(), tried.connectsPerAgentHour(),
                    tried.dialsPerAgentHour(), tried.idleP95Seconds());
        }
        return best;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    /** One mode in one centre. */
    public record Run(CallCentre centre, Supplier<PacingStrategy> mode) {
    }

    private static List<SimulationReport> collect(List<Future<SimulationReport>> shifts) {
        List<SimulationReport> reports = new ArrayList<>();
        for (Future<SimulationReport> shift : shifts) {
            try {
                reports.add(shift.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while simulating", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a simulated shift failed: " + e.getCause(), e.getCause());
            }
        }
        return reports;
    }

    private static ModeResult average(CallCentre centre, List<SimulationReport> reports) {
        int n = reports.size();
        return new ModeResult(reports.get(0).mode(), centre,
                reports.stream().mapToDouble(SimulationReport::occupancy).sum() / n,
                reports.stream().mapToDouble(SimulationReport::abandonRate).sum() / n,
                reports.stream().mapToDouble(SimulationReport::abandonRate).max().orElse(0),
                reports.stream().mapToDouble(SimulationReport::connectsPerAgentHour).sum() / n,
                reports.stream().mapToDouble(SimulationReport::dialsPerAgentHour).sum() / n,
                reports.stream().mapToDouble(SimulationReport::idleP95Seconds).sum() / n);
    }
}
