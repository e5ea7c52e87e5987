package dialer.pacing.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import dialer.pacing.PacingModes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The claims of predictive pacing, on the whole grid: agents {5, 20, 50, 100} x answer rate {0.15, 0.3, 0.6}
 * x talk time {60, 180, 420} s, 10 s wrap-up, 8-hour shifts, 5 seeds each, the same call streams for every
 * mode. About 30 s on two cores.
 */
class PacingGridTest {
    private static final double TARGET = 0.03;
    private static final int SEEDS = 5;
    private static final List<CallCentre> GRID = new ArrayList<>();
    private static final List<ModeResult> PREDICTIVE = new ArrayList<>();
    private static final List<ModeResult> PROGRESSIVE = new ArrayList<>();
    private static final List<ModeResult> VICIDIAL = new ArrayList<>();

    @BeforeAll
    static void simulateTheGrid() {
        for (int agents : new int[] {5, 20, 50, 100}) {
            for (double answerRate : new double[] {0.15, 0.3, 0.6}) {
                for (double aht : new double[] {60, 180, 420}) {
                    GRID.add(CallCentre.of(agents, 8, answerRate, aht, 10));
                }
            }
        }
        List<Experiments.Run> runs = new ArrayList<>();
        for (String mode : List.of("predictive", "progressive", "vicidial-adapt")) {
            GRID.forEach(centre -> runs.add(new Experiments.Run(centre, PacingModes.of(mode, TARGET, 2))));
        }
        try (Experiments experiments = new Experiments(Runtime.getRuntime().availableProcessors())) {
            List<ModeResult> results = experiments.runAll(runs, 1, SEEDS);
            PREDICTIVE.addAll(results.subList(0, GRID.size()));
            PROGRESSIVE.addAll(results.subList(GRID.size(), 2 * GRID.size()));
            VICIDIAL.addAll(results.subList(2 * GRID.size(), 3 * GRID.size()));
        }
    }

    @Test
    void predictiveKeepsAbandonmentUnderTheCapInEveryShiftOfEveryCell() {
        for (ModeResult cell : PREDICTIVE) {
            assertThat(cell.worstAbandonRate()).as(describe(cell)).isLessThanOrEqualTo(TARGET);
        }
    }

    @Test
    void fromTwentyAgentsPredictiveBeatsProgressiveBy15PointsAndVicidialBy5AtNoMoreAbandonment() {
        double predictive = 0;
        double progressive = 0;
        double vicidial = 0;
        double predictiveAbandon = 0;
        double vicidialAbandon = 0;
        int cells = 0;
        for (int i = 0; i < GRID.size(); i++) {
            if (GRID.get(i).agents() >= 20) {
                predictive += PREDICTIVE.get(i).occupancy();
                progressive += PROGRESSIVE.get(i).occupancy();
                vicidial += VICIDIAL.get(i).occupancy();
                predictiveAbandon += PREDICTIVE.get(i).abandonRate();
                vicidialAbandon += VICIDIAL.get(i).abandonRate();
                cells++;
            }
        }
        assertThat(predictive / cells - progressive / cells).as("occupancy over progressive").isGreaterThanOrEqualTo(0.15);
        assertThat(predictive / cells - vicidial / cells).as("occupancy over vicidial-adapt").isGreaterThanOrEqualTo(0.05);
        assertThat(predictiveAbandon).as("abandonment against vicidial-adapt").isLessThanOrEqualTo(vicidialAbandon);
        assertThat(PROGRESSIVE).allMatch(cell -> cell.worstAbandonRate() == 0);
    }

    @Test
    void fiftyAgentsAtAnswerRate30PercentAndThreeMinuteCallsAreBusyAtLeast90Percent() {
        for (int i = 0; i < GRID.size(); i++) {
            CallCentre centre = GRID.get(i);
            if (centre.agents() == 50 && centre.liveAnswerRate() == 0.3 && centre.ahtSeconds() == 180) {
                assertThat(PREDICTIVE.get(i).occupancy()).as(describe(PREDICTIVE.get(i))).isGreaterThanOrEqualTo(0.90);
                return;
            }
        }
        throw new AssertionError("the grid has no cell of 50 agents, answer rate 0.3, 180 s");
    }

    private static String describe(ModeResult cell) {
        return cell.mode() + " with " + cell.centre().agents() + " agents, answer rate " + cell.centre().liveAnswerRate()
                + ", talk " + cell.centre().ahtSeconds() + " s";
    }
}
