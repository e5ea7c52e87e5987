package dialer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import dialer.campaign.Campaign;
import dialer.campaign.CampaignInput;
import dialer.demo.SimulatedAgents;
import dialer.gateway.simulated.SimulatedGatewayDriver;
import dialer.gateway.simulated.SimulatedNetwork;
import dialer.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * A hostile call centre: three agents, calls of two minutes on average (exponential: many far longer), a
 * third of dials answered live; 40 times real time, the engine's 2-second deadline scaled to match. Predictive pacing keeps the
 * campaign's abandonment under its 3 % cap there; power dialling at 3 calls a free agent, run the same
 * way, breaks it, which shows the run can tell.
 */
class HostilePacingTest {
    private static final double SPEED = 40;
    private static final SimulatedNetwork HOSTILE = new SimulatedNetwork(0.33, 0, 0.05, 0, 8, 120, 20, 200, SPEED);
    private static final Duration RUN = Duration.ofSeconds(30);

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    @Test
    void predictiveKeepsUnderTheAbandonmentCapWherePowerDiallingBreaksIt() throws Exception {
        Rates predictive = run("predictive", null);
        Rates power = run("power", 3.0);

        assertThat(predictive.liveAnswers).as("live answers in the predictive run").isGreaterThanOrEqualTo(10);
        assertThat(predictive.rate()).as("predictive abandonment rate, %s", predictive).isLessThanOrEqualTo(0.03);
        assertThat(power.rate()).as("power 3.0 abandonment rate, %s", power).isGreaterThan(0.03);
    }

    private Rates run(String mode, Double dialRatio) throws Exception {
        EngineSettings defaults = EngineSettings.defaults(SimulatedGatewayDriver.TRUNK);
        EngineSettings scaled = new EngineSettings(defaults.tick(), defaults.maxCallsPerTick(), defaults.leaseTime(),
                defaults.ringTimeout(), Duration.ofMillis(Math.round(2000 / SPEED)), defaults.wrapUpLimit(),
                defaults.safeHarbour(), defaults.defaultTrunk(), defaults.defaultCallerId(), defaults.ownedCallbackWait());
        try (EngineFixture fixture = new EngineFixture(db, HOSTILE, "node-" + mode, scaled)) {
            fixture.clock.set(ZonedDateTime.of(2026, 11, 24, 9, 0, 0, 0, ZoneOffset.UTC).toInstant());
            Campaign campaign = fixture.campaigns.create(new CampaignInput("hostile " + mode, mode, dialRatio, 0.03, null,
                    EngineFixture.everyDay(), "RU", "Europe/Moscow", null, null, null, null, null));
            fixture.importContacts(campaign, 2000, 5);
            List<Long> users = fixture.agents(campaign, 3);
            fixture.engine.start();
            try (SimulatedAgents agents = new SimulatedAgents(fixture.engine, fixture.clock, Duration.ofMillis(200),
                    Duration.ofHours(2), 9)) {
                users.forEach(user -> agents.logIn(user, "agent" + user));
                fixture.engine.start(campaign.id());
                Thread.sleep(RUN.toMillis());
                fixture.engine.pause(campaign.id());
                Instant giveUp = Instant.now().plus(Duration.ofSeconds(20));
                while (fixture.count("SELECT count(*) FROM attempts WHERE campaign_id = ? AND ended_at IS NULL AND hangup_at IS NULL",
                        campaign.id()) > 0 && Instant.now().isBefore(giveUp)) {
                    Thread.sleep(200);
                }
            }
            long live = fixture.count("SELECT count(*) FROM attempts WHERE campaign_id = ? AND outcome IN ('CONNECTED', 'ABANDONED')",
                    campaign.id()) + fixture.count("SELECT count(*) FROM attempts WHERE campaign_id = ? AND state = 'WRAP_UP'", campaign.id());
            long abandoned = fixture.count("SELECT count(*) FROM attempts WHERE campaign_id = ? AND outcome = 'ABANDONED'", campaign.id());
            long dials = fixture.count("SELECT count(*) FROM attempts WHERE campaign_id = ?", campaign.id());
            Rates rates = new Rates(dials, live, abandoned);
            LoggerFactory.getLogger(HostilePacingTest.class).info("Hostile run, {}: {}, abandonment {}", mode, rates, rates.rate());
            return rates;
        }
    }

    private record Rates(long dials, long liveAnswers, long abandoned) {
        double rate() {
            return liveAnswers == 0 ? 0 : (double) abandoned / liveAnswers;
        }
    }
}
