package dialer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dialer.campaign.Campaign;
import dialer.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A node killed with SIGKILL while it dials, then started again: the attempts it left open are closed as
 * interrupted before it dials again, no contact ever has two attempts at once, and every contact is
 * accounted for (dialled, waiting for a retry, or done).
 */
class CrashRecoveryTest {
    private static final String NODE = "node-crash";
    /** Both nodes' clocks read the coming noon in Moscow (09:00 UTC) as the test starts: its contacts' calling hours. */
    private final Duration clockOffset = Duration.between(Instant.now(),
            LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(9, 0).toInstant(ZoneOffset.UTC));

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    @Test
    void killingTheNodeWhileDiallingNeitherDialsAContactTwiceNorLosesOne() throws Exception {
        try (EngineFixture fixture = new EngineFixture(db, EngineFixture.fastNetwork(), "test-runner")) {
            Campaign campaign = fixture.campaign("crash", "predictive", EngineFixture.everyDay());
            long contacts = fixture.importContacts(campaign, 80, 11).accepted();
            List<Long> agents = fixture.agents(campaign, 8);

            Process first = node(campaign, agents);
            EngineFixture.await(() -> fixture.count("SELECT count(*) FROM attempts WHERE campaign_id = ?", campaign.id()) >= 20
                    && fixture.count("SELECT count(*) FROM attempts WHERE campaign_id = ? AND ended_at IS NULL", campaign.id()) > 0, Duration.ofSeconds(45),
                    "the node dials, with calls up");
            first.destroyForcibly().waitFor();
            long leftOpen = fixture.count("SELECT count(*) FROM attempts WHERE campaign_id = ? AND ended_at IS NULL", campaign.id());
            assertThat(leftOpen).as("attempts the killed node left open").isPositive();
            assertThat(fixture.count("SELECT count(*) FROM contacts WHERE campaign_id = ? AND state = 'DIALING'", campaign.id()))
                    .isEqualTo(leftOpen);

            Process second = node(campaign, agents);
            try {
                EngineFixture.await(() -> fixture.count("SELECT count(*) FROM attempts WHERE campaign_id = ? AND outcome = 'INTERRUPTED'",
                        campaign.id()) == leftOpen, Duration.ofSeconds(45), "the restarted node closes what it left open");
                EngineFixture.await(() -> fixture.count("SELECT count(*) FROM contacts WHERE campaign_id = ? AND state IN ('READY', 'DIALING')",
                        campaign.id()) == 0, Duration.ofSeconds(45), "every contact is dialled");
            } finally {
                second.destroyForcibly().waitFor();
            }

            assertThat(overlaps(fixture, campaign)).as("contacts with two attempts at once").isEmpty();
            assertThat(fixture.count("SELECT count(*) FROM contacts c WHERE campaign_id = ? AND NOT EXISTS "
                    + "(SELECT 1 FROM attempts a WHERE a.contact_id = c.id)", campaign.id())).as("contacts never dialled").isZero();
            assertThat(fixture.count("SELECT count(*) FROM contacts WHERE campaign_id = ? AND state IN "
                    + "('RETRY', 'CALLBACK', 'COMPLETED', 'FAILED', 'DNC', 'DIALING')", campaign.id()))
                    .as("contacts accounted for").isEqualTo(contacts);
            assertThat(fixture.count("SELECT count(*) FROM contacts c WHERE campaign_id = ? AND state = 'DIALING' AND NOT EXISTS "
                    + "(SELECT 1 FROM attempts a WHERE a.contact_id = c.id AND a.ended_at IS NULL)", campaign.id()))
                    .as("contacts dialling with no open attempt").isZero();
            assertThat(fixture.count("SELECT count(*) FROM contacts c WHERE campaign_id = ? AND attempts_total <> "
                    + "(SELECT count(*) FROM attempts a WHERE a.contact_id = c.id)", campaign.id()))
                    .as("contacts whose attempt count disagrees with their attempts").isZero();
        }
    }

    /** Attempts that started before the previous attempt of the same contact had ended. */
    private static List<Map<String, Object>> overlaps(EngineFixture fixture, Campaign campaign) {
        return fixture.db.jdbi().withHandle(h -> h.createQuery("""
                SELECT * FROM (
                    SELECT contact_id, id, started_at, lag(ended_at) OVER (PARTITION BY contact_id ORDER BY started_at, id) AS previous_end,
                           lag(id) OVER (PARTITION BY contact_id ORDER BY started_at, id) AS previous
                    FROM attempts WHERE campaign_id = ?) t
                WHERE previous IS NOT NULL AND (previous_end IS NULL OR previous_end > started_at)""")
                .bind(0, campaign.id()).mapToMap().list());
    }

    private Process node(Campaign campaign, List<Long> agents) throws IOException {
        PGSimpleDataSource source = (PGSimpleDataSource) db.dataSource();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EngineNode.class.getName(),
                source.getUrl(), source.getUser(), source.getPassword(), NODE, Long.toString(campaign.id()),
                Long.toString(clockOffset.toMillis())));
        agents.forEach(agent -> command.add(Long.toString(agent)));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "crash-node-" + System.nanoTime() + ".log").toFile()).start();
    }

}
