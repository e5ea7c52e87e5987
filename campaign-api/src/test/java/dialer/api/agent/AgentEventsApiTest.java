package dialer.api.agent;

import static dialer.api.testing.EngineFixtures.as;
import static dialer.api.testing.EngineFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import dialer.api.testing.ApiClient;
import dialer.api.testing.EventStream;
import dialer.api.testing.RunningAppliance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The agent's desktop events as Server-Sent Events, read by the JDK client over real HTTP/1.1. */
class AgentEventsApiTest {
    @RegisterExtension
    static final RunningAppliance APPLIANCE = new RunningAppliance();
    private static final String ME = "/api/v1/agents/me";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @BeforeAll
    static void people() {
        user(APPLIANCE, "events.vera", "agent");
        user(APPLIANCE, "events.gleb", "agent");
        user(APPLIANCE, "events.supervisor", "supervisor");
    }

    @Test
    void aLoggedInAgentIsToldOfItsStateChangesUntilItLogsOut() throws InterruptedException {
        ApiClient agent = as(APPLIANCE, "events.vera");
        assertThat(agent.postJson(ME + "/login", "{\"phoneUri\":\"sip:3001@127.0.0.1\"}").status()).isEqualTo(200);

        try (EventStream events = agent.events(ME + "/events")) {
            assertThat(events.status()).isEqualTo(200);
            assertThat(events.contentType()).startsWith("text/event-stream");

            assertThat(agent.putJson(ME + "/state", "{\"state\":\"break\",\"reason\":\"lunch\"}").status()).isEqualTo(200);
            assertThat(events.next("state", WAIT)).hasValueSatisfying(
                    state -> assertThat(state.data()).isEqualTo("{\"state\":\"break\"}"));

            assertThat(as(APPLIANCE, "events.supervisor").putJson("/api/v1/agents/"
                    + agent.get(ME).json().get("userId").asLong() + "/state", "{\"state\":\"dnd\"}").status()).isEqualTo(200);
            assertThat(events.next("state", WAIT)).hasValueSatisfying(
                    state -> assertThat(state.json().get("state").asText()).isEqualTo("dnd"));

            assertThat(agent.postJson(ME + "/logout", "").status()).isEqualTo(204);
            assertThat(events.next("state", WAIT)).hasValueSatisfying(
                    state -> assertThat(state.json().get("state").asText()).isEqualTo("offline"));
            assertThat(events.ended(WAIT)).as("the stream ends with the agent's session").isTrue();
        }
    }

    @Test
    void noStreamForAnAgentNotLoggedInNorForOtherRoles() {
        try (EventStream events = as(APPLIANCE, "events.gleb").events(ME + "/events")) {
            assertThat(events.status()).isEqualTo(404);
            assertThat(events.contentType()).startsWith("application/problem+json");
        }
        try (EventStream events = as(APPLIANCE, "events.supervisor").events(ME + "/events")) {
            assertThat(events.status()).isEqualTo(403);
        }
    }

    @Test
    void aStreamTheClientClosedIsDroppedAndANewOneFollows() throws InterruptedException {
        ApiClient agent = as(APPLIANCE, "events.gleb");
        assertThat(agent.postJson(ME + "/login", "{\"phoneUri\":\"sip:3002@127.0.0.1\"}").status()).isEqualTo(200);
        try {
            EventStream first = agent.events(ME + "/events");
            assertThat(agent.putJson(ME + "/state", "{\"state\":\"outbound-only\"}").status()).isEqualTo(200);
            assertThat(first.next("state", WAIT)).isPresent();
            first.close();

            try (EventStream second = agent.events(ME + "/events")) {
                for (String state : new String[] {"dnd", "ready"}) {
                    assertThat(agent.putJson(ME + "/state", "{\"state\":\"" + state + "\"}").status()).isEqualTo(200);
                    assertThat(second.next("state", WAIT)).hasValueSatisfying(
                            event -> assertThat(event.json().get("state").asText()).isEqualTo(state));
                }
            }
        } finally {
            agent.postJson(ME + "/logout", "");
        }
    }
}
