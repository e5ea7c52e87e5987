package dialer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import dialer.agent.AgentState;
import dialer.campaign.Campaign;
import dialer.gateway.simulated.SimulatedNetwork;
import dialer.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A callback an agent asked to make ({@code callbackOwner}) waits for that agent, and the call goes to that
 * agent; once it has waited the engine's limit, any agent may make it.
 */
class OwnedCallbackTest {
    /** Everybody answers, fast. */
    private static final SimulatedNetwork EVERYBODY_ANSWERS = new SimulatedNetwork(1, 0, 0, 0, 8, 30, 30, 10, 40);
    private static final Instant NOW = ZonedDateTime.of(2026, 11, 24, 9, 0, 0, 0, ZoneOffset.UTC).toInstant();

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    @Test
    void anAgentsOwnCallbackWaitsForThatAgentAndGoesToThatAgent() throws Exception {
        try (EngineFixture fixture = new EngineFixture(db, EVERYBODY_ANSWERS, "node-a")) {
            Desk desk = ownerOnABreak(fixture, Duration.ofMinutes(1));
            long owner = desk.owner();
            long contact = desk.contact();

            Thread.sleep(3_000);
            assertThat(attempts(fixture, contact)).as("not dialled while its owner is on a break, another agent ready").isZero();

            fixture.engine.desk().setState(owner, AgentState.READY, null);
            EngineFixture.await(() -> bridgedTo(fixture, contact) != null, Duration.ofSeconds(15), "the callback is bridged");
            assertThat(bridgedTo(fixture, contact)).isEqualTo(agentOf(fixture, owner));
            assertThat(attempts(fixture, contact)).isEqualTo(1);
        }
    }

    @Test
    void aCallbackItsOwnerLeftWaitingGoesToAnyAgent() throws Exception {
        try (EngineFixture fixture = new EngineFixture(db, EVERYBODY_ANSWERS, "node-a")) {
            Desk desk = ownerOnABreak(fixture, EngineSettings.defaults("any").ownedCallbackWait().plusMinutes(1));

            EngineFixture.await(() -> bridgedTo(fixture, desk.contact()) != null, Duration.ofSeconds(15), "the callback is bridged");
            assertThat(bridgedTo(fixture, desk.contact())).isEqualTo(agentOf(fixture, desk.other()));
        }
    }

    /**
     * A running progressive campaign whose one contact is a callback that its owner asked to make and that
     * came due {@code dueFor} ago, the owner logged in on a break and another agent ready.
     */
    private static Desk ownerOnABreak(EngineFixture fixture, Duration dueFor) {
        fixture.clock.set(NOW);
        Campaign campaign = fixture.campaign("callback due for " + dueFor, "progressive", EngineFixture.everyDay());
        fixture.engine.start();
        List<Long> users = fixture.agents(campaign, 2);
        long contact = ownedCallback(fixture, campaign, "+74951230011", users.get(0), NOW.minus(dueFor));
        logIn(fixture, users.get(0), AgentState.BREAK);
        logIn(fixture, users.get(1), AgentState.READY);
        fixture.engine.start(campaign.id());
        return new Desk(contact, users.get(0), users.get(1));
    }

    private record Desk(long contact, long owner, long other) {
    }

    /** A due callback that agent {@code owner} asked to make, as a disposition leaves it once its time came. */
    private static long ownedCallback(EngineFixture fixture, Campaign campaign, String phone, long owner, Instant at) {
        long contact = fixture.contact(campaign, phone, "Europe/Moscow");
        fixture.db.jdbi().useHandle(h -> h.createUpdate("UPDATE contacts SET callback_at = ?, callback_owner = ? WHERE id = ?")
                .bind(0, at.atOffset(ZoneOffset.UTC)).bind(1, owner).bind(2, contact).execute());
        return contact;
    }

    private static void logIn(EngineFixture fixture, long user, AgentState state) {
        fixture.engine.desk().login(user, "agent" + user, "sip:agent" + user + "@simulated");
        fixture.engine.desk().setState(user, state, state == AgentState.BREAK ? "lunch" : null);
    }

    private static long attempts(EngineFixture fixture, long contact) {
        return fixture.count("SELECT count(*) FROM attempts WHERE contact_id = ?", contact);
    }

    private static Long bridgedTo(EngineFixture fixture, long contact) {
        return fixture.db.jdbi().withHandle(h -> h.createQuery("SELECT agent_id FROM attempts WHERE contact_id = ? AND agent_id IS NOT NULL")
                .bind(0, contact).mapTo(Long.class).findOne().orElse(null));
    }

    private static long agentOf(EngineFixture fixture, long user) {
        return fixture.count("SELECT id FROM agents WHERE user_id = ?", user);
    }
}
