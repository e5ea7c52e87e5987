package dialer.api.attempt;

import static dialer.api.testing.EngineFixtures.as;
import static dialer.api.testing.EngineFixtures.campaign;
import static dialer.api.testing.EngineFixtures.contacts;
import static dialer.api.testing.EngineFixtures.user;
import static dialer.api.testing.EngineFixtures.zoneWhereItIs;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.JsonNode;
import dialer.api.testing.ApiClient;
import dialer.api.testing.EventStream;
import dialer.api.testing.RunningAppliance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A whole call over real HTTP: a running campaign dials through the simulated network (sixty times faster
 * than real time) until someone answers, the call is bridged to the one logged-in agent, whose desktop gets
 * the screen pop, the call ends, and the agent's disposition moves the contact on. Forty contacts, each
 * answered by a person with a chance of 30%: all forty unanswered is a chance of about one in two million.
 */
class CallFlowApiTest {
    @RegisterExtension
    static final RunningAppliance APPLIANCE = new RunningAppliance();

    @Test
    void aCallBridgedToTheAgentEndsWithItsDisposition() throws InterruptedException {
        user(APPLIANCE, "flow.manager", "manager");
        ApiClient manager = as(APPLIANCE, "flow.manager");
        long agentId = user(APPLIANCE, "flow.agent", "agent");
        ApiClient agent = as(APPLIANCE, "flow.agent");
        long campaignId = campaign(manager, "Call flow");
        String zone = zoneWhereItIs(12);
        contacts(manager, campaignId, 3000001, 40, zone);
        String campaign = "/api/v1/campaigns/" + campaignId;
        assertThat(manager.putJson(campaign + "/agents", "[{\"userId\":" + agentId + ",\"skillLevel\":5}]").status())
                .isEqualTo(200);
        assertThat(agent.postJson("/api/v1/agents/me/login", "{\"phoneUri\":\"sip:5001@127.0.0.1\"}").status()).isEqualTo(200);

        try (EventStream events = agent.events("/api/v1/agents/me/events")) {
            assertThat(manager.postJson(campaign + "/start", "").status()).isEqualTo(200);

            JsonNode pop = events.next("call.bridged", Duration.ofSeconds(30)).orElseThrow().json();
            long attemptId = pop.get("attemptId").asLong();
            assertThat(pop.get("campaignId").asLong()).isEqualTo(campaignId);
            assertThat(pop.get("phone").asText()).startsWith("+7926300");
            assertThat(pop.get("firstName").asText()).isEqualTo("Ivan");
            assertThat(pop.get("lastName").asText()).startsWith("Petrov-");
            assertThat(pop.get("externalId").asText()).startsWith("c-300");
            assertThat(pop.get("timeZone").asText()).isEqualTo(zone);
            assertThat(pop.at("/customFields/plan").asText()).isEqualTo("gold");

            JsonNode ended = events.next("call.ended", Duration.ofSeconds(45)).orElseThrow().json();
            assertThat(ended.get("attemptId").asLong()).isEqualTo(attemptId);
            JsonNode me = agent.get("/api/v1/agents/me").json();
            assertThat(me.get("state").asText()).isEqualTo("wrap-up");
            assertThat(me.get("attemptId").asLong()).isEqualTo(attemptId);
            JsonNode stats = manager.get(campaign + "/stats").json();
            assertThat(stats.at("/agentsByState/wrap-up").asInt()).as(stats.toString()).isEqualTo(1);
            assertThat(stats.get("occupancy").asDouble()).isEqualTo(1.0);
            assertThat(stats.get("dials").asLong()).isPositive();
            assertThat(stats.get("openAttempts").asLong()).isPositive();

            String disposition = "/api/v1/attempts/" + attemptId + "/disposition";
            assertThat(agent.postJson(disposition, "{\"code\":\"maybe\"}").status()).isEqualTo(400);
            assertThat(agent.postJson(disposition, "{\"code\":\"callback\"}").json().get("field").asText())
                    .isEqualTo("callbackAt");
            assertThat(agent.postJson("/api/v1/attempts/" + (attemptId + 1_000_000) + "/disposition", "{\"code\":\"sale\"}")
                    .status()).isEqualTo(409);

            Instant callbackAt = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            ApiClient.Reply set = agent.postJson(disposition, "{\"code\":\"callback\",\"notes\":\"after payday\","
                    + "\"callbackAt\":\"" + callbackAt + "\",\"callbackOwner\":" + agentId + "}");
            assertThat(set.status()).as(set.toString()).isEqualTo(200);
            assertThat(set.json().toString()).isEqualTo("{\"attemptId\":" + attemptId
                    + ",\"code\":\"callback\",\"contactState\":\"CALLBACK\"}");
            assertThat(agent.postJson(disposition, "{\"code\":\"sale\"}").status()).isEqualTo(409);

            JsonNode contact = manager.get(campaign + "/contacts/" + pop.get("externalId").asText()).json();
            assertThat(contact.get("state").asText()).isEqualTo("CALLBACK");
            assertThat(manager.get(campaign + "/stats").json().get("liveAnswers").asLong()).isPositive();
        } finally {
            manager.postJson(campaign + "/stop", "");
            agent.postJson("/api/v1/agents/me/logout", "");
        }
    }
}
