package dialer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import dialer.campaign.Campaign;
import dialer.demo.SimulatedAgents;
import dialer.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The compliance rules of the lease, with the engine running and its clock moved by the test: the local
 * calling window of each contact, a number put on the do-not-call list mid-campaign, and the 72-hour wait
 * after an abandoned call. Every call rings out here; one simulated agent keeps progressive dialling going.
 */
class ComplianceTest {
    /** Tuesday 12:00 UTC: 15:00 in Moscow (open), 22:00 in Vladivostok (closed). */
    private static final Instant MOSCOW_OPEN_VLADIVOSTOK_CLOSED = ZonedDateTime.of(2026, 11, 24, 12, 0, 0, 0, ZoneOffset.UTC).toInstant();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    @Test
    void aContactOutsideItsLocalWindowIsNotDialledUntilTheWindowOpens() throws Exception {
        try (EngineFixture fixture = new EngineFixture(db, EngineFixture.nobodyAnswers(), "node-a")) {
            fixture.clock.set(MOSCOW_OPEN_VLADIVOSTOK_CLOSED);
            Campaign campaign = fixture.campaign("windows", "progressive", EngineFixture.everyDay());
            long moscow = fixture.contact(campaign, "+74951230001", "Europe/Moscow");
            long vladivostok = fixture.contact(campaign, "+74232230002", "Asia/Vladivostok");
            try (SimulatedAgents agents = running(fixture, campaign)) {
                EngineFixture.await(() -> attempts(fixture, moscow) == 1, WAIT, "the Moscow contact is dialled");
                Thread.sleep(2_000);
                assertThat(attempts(fixture, vladivostok)).as("dialled at 22:00 local time").isZero();

                // 22:00 UTC: 08:00 the next morning in Vladivostok, 01:00 in Moscow
                fixture.clock.set(MOSCOW_OPEN_VLADIVOSTOK_CLOSED.plus(Duration.ofHours(10)));
                fixture.engine.housekeeping();
                EngineFixture.await(() -> attempts(fixture, vladivostok) == 1, WAIT, "the Vladivostok contact is dialled once its window opens");
                assertThat(attempts(fixture, moscow)).as("the Moscow contact, at 01:00 local time").isEqualTo(1);
            }
        }
    }

    @Test
    void aNumberPutOnTheDoNotCallListMidCampaignIsNotDialledAgain() throws Exception {
        try (EngineFixture fixture = new EngineFixture(db, EngineFixture.nobodyAnswers(), "node-a")) {
            fixture.clock.set(MOSCOW_OPEN_VLADIVOSTOK_CLOSED);
            Campaign campaign = fixture.campaign("do not call", "progressive", EngineFixture.everyDay());
            long blocked = fixture.contact(campaign, "+74951230003", "Europe/Moscow");
            long other = fixture.contact(campaign, "+74951230004", "Europe/Moscow");
            try (SimulatedAgents agents = running(fixture, campaign)) {
                EngineFixture.await(() -> state(fixture, blocked).equals("RETRY") && state(fixture, other).equals("RETRY"), WAIT,
                        "both are dialled once and wait for their retry");
                fixture.dnc.add("+74951230003", Optional.empty(), Optional.empty(), "test");

                fixture.clock.set(fixture.clock.instant().plus(Duration.ofHours(3)));
                fixture.engine.housekeeping();
                EngineFixture.await(() -> attempts(fixture, other) == 2, WAIT, "the other contact is dialled again");
                EngineFixture.await(() -> state(fixture, blocked).equals("DNC"), WAIT, "the blocked one is set aside as DNC");
                assertThat(attempts(fixture, blocked)).isEqualTo(1);
                assertThat(skips(fixture, campaign, "dnc")).isEqualTo(1);
            }
        }
    }

    @Test
    void aContactWhoseCallWasAbandonedIsNotDialledWithin72Hours() throws Exception {
        try (EngineFixture fixture = new EngineFixture(db, EngineFixture.nobodyAnswers(), "node-a")) {
            Instant abandonedAt = MOSCOW_OPEN_VLADIVOSTOK_CLOSED;
            fixture.clock.set(abandonedAt.plus(Duration.ofHours(71)));
            Campaign campaign = fixture.campaign("seventy-two hours", "predictive", EngineFixture.everyDay());
            long abandoned = fixture.contact(campaign, "+74951230005", "Europe/Moscow");
            long fresh = fixture.contact(campaign, "+74951230006", "Europe/Moscow");
            fixture.db.jdbi().useHandle(h -> h.createUpdate("UPDATE contacts SET abandoned_at = :at WHERE id = :id")
                    .bind("at", abandonedAt.atOffset(ZoneOffset.UTC)).bind("id", abandoned).execute());
            try (SimulatedAgents agents = running(fixture, campaign)) {
                EngineFixture.await(() -> attempts(fixture, fresh) == 1, WAIT, "the other contact is dialled");
                EngineFixture.await(() -> state(fixture, abandoned).equals("RETRY"), WAIT, "the abandoned one is set aside");
                assertThat(attempts(fixture, abandoned)).isZero();
                assertThat(skips(fixture, campaign, "abandoned_72h")).isEqualTo(1);
                assertThat(fixture.count("SELECT extract(epoch FROM next_attempt_at) FROM contacts WHERE id = ?", abandoned))
                        .as("it waits until 72 hours after the abandoned call")
                        .isEqualTo(abandonedAt.plus(Duration.ofHours(72)).getEpochSecond());

                fixture.clock.set(abandonedAt.plus(Duration.ofHours(72)).plusSeconds(1));
                fixture.engine.housekeeping();
                EngineFixture.await(() -> attempts(fixture, abandoned) == 1, WAIT, "it is dialled once the 72 hours are over");
            }
        }
    }

    private static SimulatedAgents running(EngineFixture fixture, Campaign campaign) {
        List<Long> users = fixture.agents(campaign, 1);
        fixture.engine.start();
        SimulatedAgents agents = new SimulatedAgents(fixture.engine, fixture.clock, Duration.ofMillis(50), Duration.ofHours(2), 1);
        users.forEach(user -> agents.logIn(user, "agent" + user));
        fixture.engine.start(campaign.id());
        return agents;
    }

    private static long attempts(EngineFixture fixture, long contactId) {
        return fixture.count("SELECT count(*) FROM attempts WHERE contact_id = ?", contactId);
    }

    private static String state(EngineFixture fixture, long contactId) {
        return fixture.db.jdbi().withHandle(h -> h.createQuery("SELECT state FROM contacts WHERE id = ?").bind(0, contactId)
                .mapTo(String.class).one());
    }

    private static long skips(EngineFixture fixture, Campaign campaign, String reason) {
        return fixture.count("SELECT coalesce(sum(skipped), 0) FROM compliance_skips WHERE campaign_id = ? AND reason = ?",
                campaign.id(), reason);
    }

}
