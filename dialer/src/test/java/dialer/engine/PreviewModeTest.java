package dialer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dialer.agent.AgentEvent;
import dialer.campaign.Campaign;
import dialer.gateway.simulated.SimulatedNetwork;
import dialer.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Preview mode: the agent sees the contact first; the call is placed when the agent accepts, and comes to that agent. */
class PreviewModeTest {
    /** Everybody answers, fast. */
    private static final SimulatedNetwork EVERYBODY_ANSWERS = new SimulatedNetwork(1, 0, 0, 0, 8, 30, 30, 10, 40);

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    @Test
    void theAgentSeesTheContactFirstAndTheCallIsPlacedOnAccept() throws Exception {
        try (EngineFixture fixture = new EngineFixture(db, EVERYBODY_ANSWERS, "node-a")) {
            Desk desk = previewing(fixture, "preview", "+74951230007");
            long contact = desk.contact();
            long user = desk.user();
            BlockingQueue<AgentEvent> events = desk.events();

            AgentEvent offered = next(events, "call.offered");
            long attemptId = ((Number) offered.data().get("attemptId")).longValue();
            assertThat(offered.data()).containsEntry("contactId", contact).containsEntry("phone", "+74951230007");
            Thread.sleep(1_000);
            assertThat(fixture.count("SELECT count(*) FROM attempts WHERE id = ? AND answered_at IS NULL AND state = 'DIALING'",
                    attemptId)).as("not dialled before the agent accepts").isEqualTo(1);

            fixture.engine.acceptPreview(user, attemptId);
            assertThat(next(events, "call.bridged").data()).containsEntry("attemptId", attemptId);
            next(events, "call.ended");
            assertThat(fixture.engine.dispose(user, attemptId, "sale", "bought", null, null)).isEqualTo("COMPLETED");
            assertThat(fixture.count("SELECT count(*) FROM attempts WHERE contact_id = ?", contact)).isEqualTo(1);
            String closed = fixture.db.jdbi().withHandle(h -> h.createQuery("SELECT outcome || '/' || disposition FROM attempts WHERE id = ?")
                    .bind(0, attemptId).mapTo(String.class).one());
            assertThat(closed).isEqualTo("CONNECTED/sale");
        }
    }

    @Test
    void aPreviewWhoseAgentLogsOutIsTakenBackUncounted() throws Exception {
        try (EngineFixture fixture = new EngineFixture(db, EVERYBODY_ANSWERS, "node-a")) {
            Desk desk = previewing(fixture, "preview left", "+74951230008");
            long attemptId = ((Number) next(desk.events(), "call.offered").data().get("attemptId")).longValue();

            fixture.engine.desk().logout(desk.user());

            EngineFixture.await(() -> fixture.count("SELECT count(*) FROM attempts WHERE id = ?", attemptId) == 0,
                    Duration.ofSeconds(10), "the offer is taken back");
            assertThat(fixture.count("SELECT count(*) FROM contacts WHERE id = ? AND state = 'READY' AND attempts_total = 0 "
                    + "AND cardinality(recent_attempts) = 0", desk.contact())).isEqualTo(1);
        }
    }

    /** A preview campaign of one contact and one agent, logged in and heard, started. */
    private static Desk previewing(EngineFixture fixture, String name, String phone) {
        fixture.clock.set(ZonedDateTime.of(2026, 11, 24, 9, 0, 0, 0, ZoneOffset.UTC).toInstant());
        Campaign campaign = fixture.campaign(name, "preview", EngineFixture.everyDay());
        long contact = fixture.contact(campaign, phone, "Europe/Moscow");
        long user = fixture.agents(campaign, 1).get(0);
        fixture.engine.start();
        BlockingQueue<AgentEvent> events = new LinkedBlockingQueue<>();
        fixture.engine.desk().login(user, "agent" + user, "sip:agent" + user + "@simulated");
        fixture.engine.desk().subscribe(user, events::add);
        fixture.engine.start(campaign.id());
        return new Desk(contact, user, events);
    }

    private record Desk(long contact, long user, BlockingQueue<AgentEvent> events) {
    }

    private static AgentEvent next(BlockingQueue<AgentEvent> events, String type) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(giveUp)) {
            AgentEvent event = events.poll(200, TimeUnit.MILLISECONDS);
            if (event != null && event.type().equals(type)) {
                return event;
            }
        }
        throw new AssertionError("no " + type + " event within 15 s");
    }
}
