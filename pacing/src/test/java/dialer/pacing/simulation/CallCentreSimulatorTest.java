package dialer.pacing.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dialer.pacing.PacingSnapshot;
import dialer.pacing.PacingStrategy;
import dialer.pacing.PowerPacing;
import dialer.pacing.ProgressivePacing;
import dialer.pacing.VicidialAdaptivePacing;
import org.junit.jupiter.api.Test;

class CallCentreSimulatorTest {
    private static final double TICK = 0.5;

    @Test
    void progressiveNeverAbandons() {
        for (int agents : new int[] {5, 20, 50}) {
            for (double answerRate : new double[] {0.15, 0.6}) {
                for (long seed = 1; seed <= 3; seed++) {
                    CallCentre centre = CallCentre.of(agents, 8, answerRate, 180, 10);
                    SimulationReport report = new CallCentreSimulator(centre, TICK).run(new ProgressivePacing(), seed);
                    assertThat(report.liveAnswers()).isPositive();
                    assertThat(report.abandoned()).as(agents + " agents, answer rate " + answerRate).isZero();
                }
            }
        }
    }

    /**
     * With one call per free agent, each agent's time is a cycle: dialling until a live answer, then talk
     * and wrap-up. An attempt rings to its outcome after waiting for the next tick: half a tick on average
     * (attempts that follow a busy or unanswered call wait less, which the 2-point tolerance absorbs).
     */
    @Test
    void progressiveOccupancyMatchesTheClosedForm() {
        for (double answerRate : new double[] {0.15, 0.3, 0.6}) {
            for (double aht : new double[] {60, 180, 420}) {
                CallCentre centre = CallCentre.of(20, 8, answerRate, aht, 10);
                SimulationReport report = new CallCentreSimulator(centre, TICK).run(new ProgressivePacing(), 7);

                double machineTime = centre.ringMeanSeconds() + 2.5;
                double attemptSeconds = TICK / 2 + centre.liveAnswerRate() * centre.ringMeanSeconds()
                        + centre.machineRate() * machineTime + centre.busyRate() * 3
                        + (1 - centre.liveAnswerRate() - centre.machineRate() - centre.busyRate()) * centre.noAnswerTimeoutSeconds();
                double diallingPerConnect = attemptSeconds / centre.liveAnswerRate();
                double handle = aht + centre.wrapSeconds();
                double expected = handle / (handle + diallingPerConnect);

                assertThat(report.occupancy()).as("answer rate " + answerRate + ", AHT " + aht).isCloseTo(expected, within(0.02));
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameShiftAndOtherSeedsAnother() {
        CallCentre centre = CallCentre.of(20, 2, 0.3, 180, 10);
        CallCentreSimulator simulator = new CallCentreSimulator(centre, TICK);

        assertThat(simulator.run(new PowerPacing(2.5), 3)).isEqualTo(simulator.run(new PowerPacing(2.5), 3));
        assertThat(simulator.run(new PowerPacing(2.5), 4)).isNotEqualTo(simulator.run(new PowerPacing(2.5), 3));
    }

    @Test
    void dialingHarderThanTheAgentsCanTakeAbandonsCalls() {
        CallCentre centre = CallCentre.of(20, 4, 0.3, 180, 10);
        CallCentreSimulator simulator = new CallCentreSimulator(centre, TICK);

        SimulationReport progressive = simulator.run(new ProgressivePacing(), 5);
        SimulationReport power = simulator.run(new PowerPacing(4), 5);

        assertThat(power.occupancy()).isGreaterThan(progressive.occupancy());
        assertThat(power.abandonRate()).isGreaterThan(0.03);
        assertThat(power.dialsPerAgentHour()).isGreaterThan(progressive.dialsPerAgentHour());
    }

    @Test
    void vicidialAdaptRaisesItsLevelWhileAgentsWaitAndKeepsItWithinItsBounds() {
        CallCentre centre = CallCentre.of(20, 4, 0.3, 180, 10);
        VicidialAdaptivePacing vicidial = new VicidialAdaptivePacing(0.03);
        double[] levels = {Double.MAX_VALUE, 0};
        PacingStrategy watched = new PacingStrategy() {
            @Override
            public String name() {
                return vicidial.name();
            }

            @Override
            public int callsToLaunch(PacingSnapshot snapshot) {
                int launch = vicidial.callsToLaunch(snapshot);
                levels[0] = Math.min(levels[0], vicidial.level());
                levels[1] = Math.max(levels[1], vicidial.level());
                return launch;
            }
        };

        SimulationReport report = new CallCentreSimulator(centre, TICK).run(watched, 5);
        SimulationReport progressive = new CallCentreSimulator(centre, TICK).run(new ProgressivePacing(), 5);

        assertThat(levels[0]).isGreaterThanOrEqualTo(1.0);
        assertThat(levels[1]).as("highest level reached").isGreaterThan(1.5).isLessThanOrEqualTo(3.0);
        assertThat(report.occupancy()).isGreaterThan(progressive.occupancy());
    }
}
