package dialer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import dialer.agent.AgentState;
import dialer.campaign.Campaign;
import dialer.campaign.CampaignState;
import dialer.gateway.simulated.SimulatedNetwork;
import dialer.missed.CallbackCampaigns;
import dialer.missed.DefaultCallbackGroup;
import dialer.missed.DidGroup;
import dialer.missed.DidGroupInput;
import dialer.missed.DidGroupService;
import dialer.missed.InboundAnswerInput;
import dialer.missed.MissedCall;
import dialer.missed.MissedCallInput;
import dialer.missed.MissedCallIntake;
import dialer.phone.PhoneNumbers;
import dialer.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Missed calls of an auto DID group are called back by the engine through the group's campaign as soon as
 * one of its agents is ready; the campaign keeps taking callbacks once every one is done.
 */
class MissedCallCallbackTest {
    /** Everybody answers after about a second and talks for an hour: a call stays up while the test looks. */
    private static final SimulatedNetwork LONG_TALKS = new SimulatedNetwork(1, 0, 0, 0, 1, 3600, 30, 10, 1);
    /** A Tuesday, noon in Moscow: inside the callback campaign's default calling hours. */
    private static final Instant NOW = ZonedDateTime.of(2026, 11, 24, 9, 0, 0, 0, ZoneOffset.UTC).toInstant();
    private static final String DID = "+74951110000";

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    @Test
    void aMissedCallInAnAutoGroupIsDialledWithinFiveSecondsOfAnAgentBecomingReady() throws Exception {
        try (EngineFixture fixture = new EngineFixture(db, LONG_TALKS, "node-a")) {
            Callbacks callbacks = autoGroupWithAnAgentOnABreak(fixture);
            long contact = callbacks.intake().record(missedCall("+74957650001")).missedCall().contactId();

            Thread.sleep(2_000);
            assertThat(attempts(fixture, contact)).as("not dialled while the group's only agent is on a break").isZero();

            Instant ready = Instant.now();
            fixture.engine.desk().setState(callbacks.agent(), AgentState.READY, null);
            EngineFixture.await(() -> attempts(fixture, contact) > 0, Duration.ofSeconds(5),
                    "the callback is dialled within 5 s of the agent becoming ready");
            assertThat(Duration.between(ready, Instant.now())).isLessThan(Duration.ofSeconds(5));
            assertThat(fixture.count("SELECT count(*) FROM attempts WHERE campaign_id = ? AND phone_e164 = '+74957650001'",
                    callbacks.campaign().id())).isEqualTo(1);
        }
    }

    @Test
    void aCallbackCampaignWithEveryCallbackDoneStaysRunningAndDialsTheNext() throws Exception {
        try (EngineFixture fixture = new EngineFixture(db, LONG_TALKS, "node-a")) {
            Callbacks callbacks = autoGroupWithAnAgentOnABreak(fixture);
            callbacks.intake().record(missedCall("+74957650002"));
            MissedCall resolved = callbacks.intake().resolveByCustomer(
                    new InboundAnswerInput("+74957650002", DID, NOW.plusSeconds(60).toString())).orElseThrow();
            assertThat(resolved.contactState()).isEqualTo("CANCELLED");

            Thread.sleep(7_000);
            assertThat(fixture.campaigns.find(callbacks.campaign().id()).orElseThrow().state())
                    .as("housekeeping (every 5 s) leaves a callback campaign running with every contact done")
                    .isEqualTo(CampaignState.RUNNING);

            fixture.engine.desk().setState(callbacks.agent(), AgentState.READY, null);
            long next = callbacks.intake().record(missedCall("+74957650003")).missedCall().contactId();
            EngineFixture.await(() -> attempts(fixture, next) > 0, Duration.ofSeconds(5), "the next callback is dialled");
        }
    }

    @Test
    void anAnsweredInboundCallLeavesACallbackCallInProgressToEnd() throws Exception {
        try (EngineFixture fixture = new EngineFixture(db, LONG_TALKS, "node-a")) {
            Callbacks callbacks = autoGroupWithAnAgentOnABreak(fixture);
            long contact = callbacks.intake().record(missedCall("+74957650004")).missedCall().contactId();
            fixture.engine.desk().setState(callbacks.agent(), AgentState.READY, null);
            EngineFixture.await(() -> attempts(fixture, contact) > 0, Duration.ofSeconds(5), "the callback is dialled");

            MissedCall resolved = callbacks.intake().resolveByCustomer(
                    new InboundAnswerInput("+74957650004", DID, NOW.plusSeconds(60).toString())).orElseThrow();

            assertThat(resolved.state()).isEqualTo(MissedCall.RESOLVED_BY_CUSTOMER);
            assertThat(resolved.contactState()).as("the call in progress goes on").isEqualTo("DIALING");
            assertThat(fixture.count("SELECT count(*) FROM attempts WHERE contact_id = ? AND ended_at IS NULL", contact))
                    .isEqualTo(1);
        }
    }

    /** The default group, an auto group with {@link #DID} and one agent of its campaign logged in on a break. */
    private static Callbacks autoGroupWithAnAgentOnABreak(EngineFixture fixture) {
        fixture.clock.set(NOW);
        fixture.engine.start();
        PhoneNumbers numbers = new PhoneNumbers();
        CallbackCampaigns campaigns = new CallbackCampaigns(fixture.campaigns, fixture.engine::start);
        DefaultCallbackGroup defaultGroup = new DefaultCallbackGroup(fixture.db.jdbi(), campaigns);
        defaultGroup.ensure();
        DidGroup group = new DidGroupService(fixture.db.jdbi(), campaigns, defaultGroup, numbers)
                .create(new DidGroupInput("sales", List.of(DID), "auto", null, null, null));
        Campaign campaign = fixture.campaigns.find(group.campaignId()).orElseThrow();
        long agent = fixture.agents(campaign, 1).get(0);
        fixture.engine.desk().login(agent, "agent" + agent, "sip:agent" + agent + "@simulated");
        fixture.engine.desk().setState(agent, AgentState.BREAK, "lunch");
        return new Callbacks(new MissedCallIntake(fixture.db.jdbi(), fixture.campaigns, defaultGroup, numbers), campaign, agent);
    }

    private record Callbacks(MissedCallIntake intake, Campaign campaign, long agent) {
    }

    private static MissedCallInput missedCall(String caller) {
        return new MissedCallInput(caller, DID, NOW.toString(), 40, "abandoned-in-queue", "1");
    }

    private static long attempts(EngineFixture fixture, long contact) {
        return fixture.count("SELECT count(*) FROM attempts WHERE contact_id = ?", contact);
    }
}
