package dialer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import dialer.attempt.Disposition;
import dialer.campaign.Campaign;
import dialer.campaign.CampaignInput;
import dialer.campaign.CampaignSettings;
import dialer.campaign.CampaignState;
import dialer.campaign.RetryRules;
import dialer.contact.intake.ImportStatus;
import dialer.demo.SimulatedAgents;
import dialer.stats.CampaignReport;
import dialer.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A predictive campaign runs from its import to its completion with the simulated gateway and simulated
 * agents; the clock jumps to each retry's time when nothing is left to dial now. Every attempt ends
 * closed, each follows the campaign's rules, and the stats agree with the attempts table.
 */
class CampaignToCompletionTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final int CONTACTS = 48;
    /** The default delays, one retry per outcome: fewer rounds, the same rules. */
    private static final CampaignInput.RetryRulesInput ONE_RETRY_EACH = new CampaignInput.RetryRulesInput(
            new CampaignInput.RetryRuleInput(10, 1), new CampaignInput.RetryRuleInput(120, 1),
            new CampaignInput.RetryRuleInput(1440, 1), new CampaignInput.RetryRuleInput(4320, 1),
            new CampaignInput.RetryRuleInput(30, 1));

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    @Test
    void aPredictiveCampaignRunsFromImportToCompletionByItsRules() throws Exception {
        try (EngineFixture fixture = new EngineFixture(db, EngineFixture.fastNetwork(), "node-a")) {
            fixture.clock.set(ZonedDateTime.of(2026, 11, 24, 10, 0, 0, 0, MOSCOW).toInstant());
            Campaign campaign = fixture.campaign("to completion", "predictive", EngineFixture.everyDay(), ONE_RETRY_EACH, 4);
            ImportStatus imported = fixture.importContacts(campaign, CONTACTS, 7);
            List<Long> agents = fixture.agents(campaign, 8);
            fixture.engine.start();
            try (SimulatedAgents desks = new SimulatedAgents(fixture.engine, fixture.clock, Duration.ofMillis(100),
                    Duration.ofHours(2), 3)) {
                agents.forEach(user -> desks.logIn(user, "agent" + user));
                fixture.engine.start(campaign.id());

                runUntilCompleted(fixture, campaign.id(), Instant.now().plus(Duration.ofSeconds(150)));
            }

            assertThat(fixture.campaigns.find(campaign.id()).orElseThrow().state()).isEqualTo(CampaignState.COMPLETED);
            assertThat(fixture.count("SELECT count(*) FROM attempts WHERE campaign_id = ? AND ended_at IS NULL", campaign.id()))
                    .as("open attempts").isZero();
            assertThat(fixture.count("SELECT count(*) FROM contacts WHERE campaign_id = ? AND state NOT IN ('COMPLETED', 'FAILED', 'DNC')",
                    campaign.id())).as("contacts not done").isZero();
            assertThat(fixture.count("SELECT count(*) FROM contacts WHERE campaign_id = ?", campaign.id()))
                    .isEqualTo(imported.accepted());
            assertRetriesFollowTheRules(fixture, campaign.id());
            assertFinalStatesFollowTheLastAttempt(fixture, campaign.id());
            assertStatsAgreeWithAttempts(fixture, campaign.id());
        }
    }

    /**
     * Runs housekeeping whenever nothing can be dialled now, first moving the clock forward (never back) to
     * the next contact's time.
     */
    private static void runUntilCompleted(EngineFixture fixture, long campaignId, Instant giveUpAt) throws InterruptedException {
        while (fixture.campaigns.find(campaignId).orElseThrow().state() != CampaignState.COMPLETED) {
            assertThat(Instant.now()).as("the campaign completes in time; contacts by state %s, attempts by state %s",
                    fixture.engine.stats().report(campaignId, fixture.clock.instant()).contactsByState(),
                    fixture.db.jdbi().withHandle(h -> h.createQuery("SELECT state || '/' || coalesce(outcome, '-') AS k, count(*) AS n "
                            + "FROM attempts GROUP BY 1").mapToMap().list())).isBefore(giveUpAt);
            Thread.sleep(300);
            long busy = fixture.count("SELECT count(*) FROM contacts WHERE campaign_id = ? AND state IN ('READY', 'DIALING')", campaignId);
            if (busy == 0) {
                Instant next = fixture.db.jdbi().withHandle(h -> h.createQuery("SELECT min(coalesce(callback_at, next_attempt_at)) "
                        + "FROM contacts WHERE campaign_id = ? AND state IN ('RETRY', 'CALLBACK')")
                        .bind(0, campaignId).mapTo(Instant.class).findOne().orElse(null));
                if (next != null && next.isAfter(fixture.clock.instant())) {
                    fixture.clock.set(insideWindow(next.plusSeconds(1)));
                }
                fixture.engine.housekeeping();
            }
        }
    }

    private static Instant insideWindow(Instant at) {
        ZonedDateTime local = at.atZone(MOSCOW);
        if (local.toLocalTime().isBefore(LocalTime.of(8, 0))) {
            return local.with(LocalTime.of(8, 0, 1)).toInstant();
        }
        if (!local.toLocalTime().isBefore(LocalTime.of(21, 0))) {
            return local.plusDays(1).with(LocalTime.of(8, 0, 1)).toInstant();
        }
        return at;
    }

    /** Each attempt after a network outcome starts no sooner than the outcome's delay, and no more often. */
    private static void assertRetriesFollowTheRules(EngineFixture fixture, long campaignId) {
        CampaignSettings settings = fixture.campaigns.find(campaignId).orElseThrow().settings();
        RetryRules rules = settings.retryRules();
        Map<String, Integer> delays = Map.of("BUSY", rules.busy().delayMinutes(), "NO_ANSWER", rules.noAnswer().delayMinutes(),
                "MACHINE", rules.machine().delayMinutes(), "ABANDONED", 72 * 60, "CONGESTION", rules.failed().delayMinutes());
        List<Map<String, Object>> gaps = fixture.db.jdbi().withHandle(h -> h.createQuery("""
                SELECT a.outcome, a.disposition, extract(epoch FROM b.started_at - a.ended_at) / 60 AS minutes, a.contact_id
                FROM attempts a JOIN attempts b ON b.contact_id = a.contact_id AND b.attempt_no = a.attempt_no + 1
                WHERE a.campaign_id = ?""").bind(0, campaignId).mapToMap().list());
        assertThat(gaps).as("some contacts were called again").isNotEmpty();
        for (Map<String, Object> gap : gaps) {
            String outcome = (String) gap.get("outcome");
            double minutes = ((Number) gap.get("minutes")).doubleValue();
            int wanted = "CONNECTED".equals(outcome)
                    ? "callback".equals(gap.get("disposition")) ? 120 : settings.disposition((String) gap.get("disposition")).orElseThrow().retryMinutes()
                    : delays.get(outcome);
            assertThat(minutes).as("minutes before calling again after %s %s: %s", outcome, gap.get("disposition"),
                    fixture.db.jdbi().withHandle(h -> h.createQuery("SELECT id, attempt_no, state, outcome, started_at, answered_at, "
                            + "ended_at, disposition, raw_cause FROM attempts WHERE contact_id = ? ORDER BY id")
                            .bind(0, gap.get("contact_id")).mapToMap().list()))
                    .isGreaterThanOrEqualTo(wanted - 0.01);
        }
        assertThat(fixture.count("SELECT count(*) FROM attempts WHERE campaign_id = ? AND outcome = 'INVALID_NUMBER' "
                + "AND EXISTS (SELECT 1 FROM attempts b WHERE b.contact_id = attempts.contact_id AND b.attempt_no > attempts.attempt_no)",
                campaignId)).as("invalid numbers dialled again").isZero();
        assertThat(fixture.count("SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM attempts WHERE campaign_id = ? "
                + "AND outcome = 'BUSY' GROUP BY contact_id) t", campaignId)).isLessThanOrEqualTo(rules.busy().maxRetries() + 1);
        assertThat(fixture.count("SELECT coalesce(max(attempts_total), 0) FROM contacts WHERE campaign_id = ?", campaignId))
                .isLessThanOrEqualTo(fixture.campaigns.find(campaignId).orElseThrow().settings().maxAttemptsTotal());
    }

    /** COMPLETED after a final disposition, DNC after do-not-call, FAILED otherwise. */
    private static void assertFinalStatesFollowTheLastAttempt(EngineFixture fixture, long campaignId) {
        CampaignSettings settings = fixture.campaigns.find(campaignId).orElseThrow().settings();
        List<Map<String, Object>> last = fixture.db.jdbi().withHandle(h -> h.createQuery("""
                SELECT c.state, a.outcome, a.disposition FROM contacts c
                JOIN attempts a ON a.contact_id = c.id AND a.attempt_no = c.attempts_total
                WHERE c.campaign_id = ?""").bind(0, campaignId).mapToMap().list());
        assertThat(last).hasSize((int) fixture.count("SELECT count(*) FROM contacts WHERE campaign_id = ?", campaignId));
        for (Map<String, Object> row : last) {
            String disposition = (String) row.get("disposition");
            String expected = disposition == null ? "FAILED"
                    : switch (settings.disposition(disposition).orElseThrow().kind()) {
                        case FINAL -> "COMPLETED";
                        case DNC -> "DNC";
                        case RETRY, CALLBACK -> "FAILED";
                    };
            assertThat(row.get("state")).as("state after %s %s", row.get("outcome"), disposition).isEqualTo(expected);
        }
        assertThat(fixture.count("SELECT count(*) FROM contacts c WHERE campaign_id = ? AND state = 'DNC' AND NOT EXISTS "
                + "(SELECT 1 FROM dnc_entries d WHERE d.campaign_id = c.campaign_id AND d.phone_e164 = c.phone_e164)", campaignId))
                .as("DNC contacts not on the campaign's list").isZero();
    }

    private static void assertStatsAgreeWithAttempts(EngineFixture fixture, long campaignId) {
        CampaignReport report = fixture.engine.stats().report(campaignId, fixture.clock.instant());
        assertThat(report.dials()).isEqualTo(fixture.count("SELECT count(*) FROM attempts WHERE campaign_id = ?", campaignId));
        long connected = fixture.count("SELECT count(*) FROM attempts WHERE campaign_id = ? AND outcome = 'CONNECTED'", campaignId);
        long abandoned = fixture.count("SELECT count(*) FROM attempts WHERE campaign_id = ? AND outcome = 'ABANDONED'", campaignId);
        assertThat(connected).as("calls connected to agents").isPositive();
        assertThat(report.abandoned()).isEqualTo(abandoned);
        assertThat(report.liveAnswers()).as("live answers: connected or abandoned").isEqualTo(connected + abandoned);
        assertThat(report.openAttempts()).isZero();
        assertThat(report.contactsByState().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(fixture.count("SELECT count(*) FROM contacts WHERE campaign_id = ?", campaignId));
    }
}
