package dialer.api.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import dialer.pacing.PacingModes;
import dialer.pacing.simulation.CallCentre;
import dialer.pacing.simulation.Experiments;
import dialer.pacing.simulation.HandleTimeShape;
import dialer.pacing.simulation.ModeResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code dialer simulate}: one pacing mode, or several compared, in a simulated call centre; figures as
 * JSON on the last line. Needs no database and no network.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Simulate pacing modes in a modelled call centre (no database, no network).")
public final class SimulateCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--agents", defaultValue = "20", description = "agents logged in (default ${DEFAULT-VALUE})")
    private int agents;
    @Option(names = "--hours", defaultValue = "8", description = "shift length (default ${DEFAULT-VALUE})")
    private double hours;
    @Option(names = "--answer-rate", defaultValue = "0.3", description = "share of dials a live person answers (default ${DEFAULT-VALUE})")
    private double answerRate;
    @Option(names = "--machine-rate", defaultValue = "0.05", description = "share answered by a machine (default ${DEFAULT-VALUE})")
    private double machineRate;
    @Option(names = "--busy-rate", defaultValue = "0.05", description = "share busy (default ${DEFAULT-VALUE}); the rest ring out")
    private double busyRate;
    @Option(names = "--ring-mean", defaultValue = "8", description = "mean seconds before a live answer (default ${DEFAULT-VALUE})")
    private double ringMean;
    @Option(names = "--no-answer-timeout", defaultValue = "25", description = "seconds of ringing before giving up, at least 15 (default ${DEFAULT-VALUE})")
    private double noAnswerTimeout;
    @Option(names = "--aht", defaultValue = "180", description = "mean talk seconds (default ${DEFAULT-VALUE})")
    private double aht;
    @Option(names = "--aht-cv", defaultValue = "0.8", description = "talk time coefficient of variation (default ${DEFAULT-VALUE}; exponential: always 1)")
    private double ahtCv;
    @Option(names = "--aht-dist", defaultValue = "lognormal", description = "talk time shape: lognormal, gamma, exponential (default ${DEFAULT-VALUE})")
    private String ahtDistribution;
    @Option(names = "--wrap", defaultValue = "10", description = "wrap-up seconds after each call (default ${DEFAULT-VALUE})")
    private double wrap;
    @Option(names = "--mode", defaultValue = "predictive", description = "preview, progressive, power, predictive, vicidial-adapt (default ${DEFAULT-VALUE})")
    private String mode;
    @Option(names = "--dial-ratio", defaultValue = "2", description = "calls per free agent in power mode (default ${DEFAULT-VALUE})")
    private double dialRatio;
    @Option(names = "--target-abandon", defaultValue = "0.03", description = "abandonment cap, abandoned / live answers (default ${DEFAULT-VALUE})")
    private double targetAbandon;
    @Option(names = "--seed", defaultValue = "1", description = "first seed of the call streams (default ${DEFAULT-VALUE})")
    private long seed;
    @Option(names = "--seeds", defaultValue = "1", description = "shifts to average, seeds --seed on (default ${DEFAULT-VALUE})")
    private int seeds;
    @Option(names = "--compare", description = "compare progressive, vicidial-adapt, the best fixed power ratio and predictive")
    private boolean compare;
    @Option(names = "--grid", description = "run predictive, progressive and vicidial-adapt over the grid of agents {5, 20, 50, 100}"
            + " x answer rate {0.15, 0.3, 0.6} x talk time {60, 180, 420} s (other options as given)")
    private boolean grid;
    @Option(names = "--json", description = "print only the JSON line")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CallCentre centre = centre();
        PrintWriter out = spec.commandLine().getOut();
        try (Experiments experiments = new Experiments(Runtime.getRuntime().availableProcessors())) {
            if (grid) {
                return grid(experiments, out);
            }
            if (!compare) {
                ModeResult result = experiments.run(centre, PacingModes.of(mode, targetAbandon, dialRatio), seed, seeds);
                if (!json) {
                    out.println(row(result));
                }
                out.println(JSON.writeValueAsString(figures(result)));
                return 0;
            }
            List<ModeResult> results = new ArrayList<>(experiments.runAll(List.of(
                    new Experiments.Run(centre, PacingModes.of("progressive", targetAbandon, dialRatio)),
                    new Experiments.Run(centre, PacingModes.of("vicidial-adapt", targetAbandon, dialRatio))), seed, seeds));
            results.add(experiments.bestPower(centre, targetAbandon, seed, seeds));
            results.add(experiments.run(centre, PacingModes.of("predictive", targetAbandon, dialRatio), seed, seeds));
            if (!json) {
                out.printf(Locale.ROOT, "%-16s %9s %9s %9s %9s %9s%n", "mode", "occupancy", "abandon", "connects", "dials", "idle p95");
                results.forEach(result -> out.println(row(result)));
            }
            out.println(JSON.writeValueAsString(results.stream().map(SimulateCommand::figures).toList()));
            return 0;
        }
    }

    private int grid(Experiments experiments, PrintWriter out) throws Exception {
        List<String> modes = List.of("predictive", "progressive", "vicidial-adapt");
        List<CallCentre> cells = new ArrayList<>();
        for (int gridAgents : new int[] {5, 20, 50, 100}) {
            for (double gridAnswerRate : new double[] {0.15, 0.3, 0.6}) {
                for (double gridAht : new double[] {60, 180, 420}) {
                    cells.add(new CallCentre(gridAgents, hours, gridAnswerRate, machineRate, busyRate, ringMean,
                            noAnswerTimeout, gridAht, ahtCv, HandleTimeShape.valueOf(ahtDistribution.toUpperCase(Locale.ROOT)),
                            wrap));
                }
            }
        }
        List<Experiments.Run> runs = new ArrayList<>();
        for (CallCentre cell : cells) {
            for (String gridMode : modes) {
                runs.add(new Experiments.Run(cell, PacingModes.of(gridMode, targetAbandon, dialRatio)));
            }
        }
        List<ModeResult> results = experiments.runAll(runs, seed, seeds);
        if (!json) {
            out.printf(Locale.ROOT, "%6s %6s %5s | %-24s | %-24s | %-24s%n", "agents", "answer", "talk",
                    "predictive", "progressive", "vicidial-adapt");
            out.println("occupancy / abandonment (worst shift)");
            for (int cell = 0; cell < cells.size(); cell++) {
                CallCentre centre = cells.get(cell);
                out.printf(Locale.ROOT, "%6d %6.2f %5.0f", centre.agents(), centre.liveAnswerRate(), centre.ahtSeconds());
                for (int m = 0; m < modes.size(); m++) {
                    ModeResult result = results.get(cell * modes.size() + m);
                    out.printf(Locale.ROOT, " | %5.1f%% / %4.2f%% (%4.2f%%)  ", 100 * result.occupancy(),
                            100 * result.abandonRate(), 100 * result.worstAbandonRate());
                }
                out.println();
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ModeResult result : results) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("agents", result.centre().agents());
            row.put("answerRate", result.centre().liveAnswerRate());
            row.put("aht", result.centre().ahtSeconds());
            row.putAll(figures(result));
            row.put("worstAbandonRate", round(result.worstAbandonRate()));
            rows.add(row);
        }
        out.println(JSON.writeValueAsString(rows));
        return 0;
    }

    private CallCentre centre() {
        try {
            HandleTimeShape shape = HandleTimeShape.valueOf(ahtDistribution.toUpperCase(Locale.ROOT));
            PacingModes.of(mode, targetAbandon, dialRatio);
            if (seeds < 1) {
                throw new IllegalArgumentException("--seeds must be at least 1");
            }
            return new CallCentre(agents, hours, answerRate, machineRate, busyRate, ringMean, noAnswerTimeout, aht, ahtCv,
                    shape, wrap);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private static String row(ModeResult result) {
        return String.format(Locale.ROOT, "%-16s %8.1f%% %8.2f%% %9.1f %9.1f %8.1fs", result.mode(), 100 * result.occupancy(),
                100 * result.abandonRate(), result.connectsPerAgentHour(), result.dialsPerAgentHour(), result.idleP95Seconds());
    }

    private static Map<String, Object> figures(ModeResult result) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("mode", result.mode());
        figures.put("occupancy", round(result.occupancy()));
        figures.put("abandonRate", round(result.abandonRate()));
        figures.put("connectsPerAgentHour", round(result.connectsPerAgentHour()));
        figures.put("dialsPerAgentHour", round(result.dialsPerAgentHour()));
        figures.put("idleP95Seconds", round(result.idleP95Seconds()));
        return figures;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
