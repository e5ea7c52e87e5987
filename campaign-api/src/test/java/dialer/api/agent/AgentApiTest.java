package dialer.api.agent;

import static dialer.api.testing.EngineFixtures.as;
import static dialer.api.testing.EngineFixtures.campaign;
import static dialer.api.testing.EngineFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import dialer.api.testing.ApiClient;
import dialer.api.testing.RunningAppliance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Agents' desks over real HTTP: log in, states, log out; supervisors' view; campaigns' agents. */
class AgentApiTest {
    @RegisterExtension
    static final RunningAppliance APPLIANCE = new RunningAppliance();
    private static final String ME = "/api/v1/agents/me";
    private static long anna;
    private static long boris;
    private static long supervisorId;

    @BeforeAll
    static void people() {
        anna = user(APPLIANCE, "desk.anna", "agent");
        boris = user(APPLIANCE, "desk.boris", "agent");
        supervisorId = user(APPLIANCE, "desk.supervisor", "supervisor");
        user(APPLIANCE, "desk.manager", "manager");
    }

    @Test
    void anAgentLogsInChoosesStatesAndLogsOut() throws InterruptedException {
        ApiClient agent = as(APPLIANCE, "desk.anna");
        ApiClient.Reply before = agent.get(ME);
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.contentType()).startsWith("application/problem+json");
        assertThat(before.json().get("detail").asText()).isEqualTo("Agent desk.anna is not logged in on this node");

        ApiClient.Reply login = agent.postJson(ME + "/login", "{\"phoneUri\":\"sip:1001@127.0.0.1\"}");
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.json().get("userId").asLong()).isEqualTo(anna);
        assertThat(login.json().get("username").asText()).isEqualTo("desk.anna");
        assertThat(login.json().get("phoneUri").asText()).isEqualTo("sip:1001@127.0.0.1");
        assertThat(login.json().get("state").asText()).isEqualTo("ready");
        assertThat(login.json().has("attemptId")).isFalse();
        assertThat(phoneConnects(agent)).isTrue();

        assertUnprocessable(agent.putJson(ME + "/state", "{\"state\":\"break\"}"), "reason");
        assertUnprocessable(agent.putJson(ME + "/state", "{\"state\":\"break\",\"reason\":\"  \"}"), "reason");
        assertUnprocessable(agent.putJson(ME + "/state", "{\"state\":\"on-call\"}"), "state");
        assertUnprocessable(agent.putJson(ME + "/state", "{\"state\":\"sleeping\"}"), "state");
        assertUnprocessable(agent.putJson(ME + "/state", "{}"), "state");
        assertUnprocessable(agent.putJson(ME + "/state", "{\"state\":\"dnd\",\"colour\":\"red\"}"), "colour");

        JsonNode onBreak = agent.putJson(ME + "/state", "{\"state\":\"break\",\"reason\":\"lunch\"}").json();
        assertThat(onBreak.get("state").asText()).isEqualTo("break");
        assertThat(onBreak.get("breakReason").asText()).isEqualTo("lunch");
        assertThat(agent.get(ME).json()).isEqualTo(onBreak);
        for (String state : new String[] {"dnd", "outbound-only", "ready"}) {
            JsonNode changed = agent.putJson(ME + "/state", "{\"state\":\"" + state + "\"}").json();
            assertThat(changed.get("state").asText()).isEqualTo(state);
            assertThat(changed.has("breakReason")).isFalse();
        }

        assertThat(agent.postJson(ME + "/logout", "").status()).isEqualTo(204);
        assertThat(agent.get(ME).status()).isEqualTo(404);
        assertThat(agent.postJson(ME + "/logout", "").status()).isEqualTo(404);
        assertThat(agent.putJson(ME + "/state", "{\"state\":\"ready\"}").status()).isEqualTo(404);
    }

    @Test
    void loginNeedsTheSipUriOfAPhone() {
        ApiClient agent = as(APPLIANCE, "desk.boris");
        for (String bad : new String[] {"", "1001", "http://pbx/1001", "sip:", "sip:1001@", "sip:10 01@pbx", "sip:1001@pbx:99999",
                "sip:1001@pbx?subject=x", "tel:+74951234567"}) {
            assertUnprocessable(agent.postJson(ME + "/login", "{\"phoneUri\":\"" + bad + "\"}"), "phoneUri");
        }
        assertUnprocessable(agent.postJson(ME + "/login", "{}"), "phoneUri");
        assertUnprocessable(agent.postJson(ME + "/login", ""), "body");
        assertThat(agent.get(ME).status()).isEqualTo(404);

        for (String good : new String[] {"sips:agent7@pbx.example.com:5061;transport=tls", "sip:[2001:db8::1]:5060",
                "sip:phone-12.desk.local"}) {
            ApiClient.Reply login = agent.postJson(ME + "/login", "{\"phoneUri\":\"" + good + "\"}");
            assertThat(login.status()).as(good + ": " + login).isEqualTo(200);
            assertThat(agent.get(ME).json().get("phoneUri").asText()).isEqualTo(good);
        }
        assertThat(agent.postJson(ME + "/logout", "").status()).isEqualTo(204);
    }

    @Test
    void supervisorsSeeAgentsForceAStateAndLogOneOut() {
        ApiClient agent = as(APPLIANCE, "desk.boris");
        ApiClient supervisor = as(APPLIANCE, "desk.supervisor");
        assertThat(agent.postJson(ME + "/login", "{\"phoneUri\":\"sip:1002@127.0.0.1\"}").status()).isEqualTo(200);

        assertThat(supervisor.get("/api/v1/agents").json()).extracting(view -> view.get("username").asText())
                .contains("desk.boris");
        assertThat(supervisor.get("/api/v1/agents/" + boris).json().get("phoneUri").asText()).isEqualTo("sip:1002@127.0.0.1");
        assertUnprocessable(supervisor.putJson("/api/v1/agents/" + boris + "/state", "{\"state\":\"offline\"}"), "state");
        ApiClient.Reply forced = supervisor.putJson("/api/v1/agents/" + boris + "/state",
                "{\"state\":\"break\",\"reason\":\"coaching\"}");
        assertThat(forced.status()).as(forced.toString()).isEqualTo(200);
        assertThat(agent.get(ME).json().get("breakReason").asText()).isEqualTo("coaching");

        assertThat(supervisor.postJson("/api/v1/agents/" + boris + "/logout", "").status()).isEqualTo(204);
        assertThat(agent.get(ME).status()).isEqualTo(404);
        assertThat(supervisor.get("/api/v1/agents/" + boris).status()).isEqualTo(404);
        assertThat(supervisor.postJson("/api/v1/agents/" + boris + "/logout", "").status()).isEqualTo(404);
        assertThat(supervisor.putJson("/api/v1/agents/" + boris + "/state", "{\"state\":\"ready\"}").status()).isEqualTo(404);
        assertThat(APPLIANCE.admin().get("/api/v1/agents").status()).isEqualTo(200);
    }

    @Test
    void rolesGuardTheDesks() {
        ApiClient manager = as(APPLIANCE, "desk.manager");
        ApiClient agent = as(APPLIANCE, "desk.anna");
        ApiClient supervisor = as(APPLIANCE, "desk.supervisor");

        assertThat(APPLIANCE.anonymous().get(ME).status()).isEqualTo(401);
        assertThat(manager.putJson("/api/v1/agents/" + anna + "/state", "{\"state\":\"dnd\"}").status()).isEqualTo(403);
        assertThat(manager.postJson("/api/v1/agents/" + anna + "/logout", "").status()).isEqualTo(403);
        assertThat(manager.get("/api/v1/agents").status()).isEqualTo(403);
        assertThat(agent.get("/api/v1/agents").status()).isEqualTo(403);
        assertThat(agent.putJson("/api/v1/agents/" + boris + "/state", "{\"state\":\"dnd\"}").status()).isEqualTo(403);
        assertThat(supervisor.postJson(ME + "/login", "{\"phoneUri\":\"sip:1@127.0.0.1\"}").status()).isEqualTo(403);
        assertThat(manager.get(ME).status()).isEqualTo(403);
        assertThat(APPLIANCE.admin().postJson(ME + "/login", "{\"phoneUri\":\"sip:1@127.0.0.1\"}").status()).isEqualTo(403);
    }

    @Test
    void managersSetACampaignsAgentsAndLoggedInAgentsTakeTheChange() {
        ApiClient manager = as(APPLIANCE, "desk.manager");
        long id = campaign(manager, "Staffed");
        String path = "/api/v1/campaigns/" + id + "/agents";
        ApiClient agent = as(APPLIANCE, "desk.anna");
        assertThat(agent.postJson(ME + "/login", "{\"phoneUri\":\"sip:1003@127.0.0.1\"}").status()).isEqualTo(200);
        try {
            ApiClient.Reply set = manager.putJson(path, "[{\"userId\":" + boris + ",\"skillLevel\":3},"
                    + "{\"userId\":" + anna + ",\"skillLevel\":7}]");
            assertThat(set.status()).as(set.toString()).isEqualTo(200);
            assertThat(set.json().toString()).isEqualTo("[{\"userId\":" + anna + ",\"username\":\"desk.anna\",\"skillLevel\":7},"
                    + "{\"userId\":" + boris + ",\"username\":\"desk.boris\",\"skillLevel\":3}]");
            assertThat(as(APPLIANCE, "desk.supervisor").get(path).json()).isEqualTo(set.json());
            assertThat(agent.get(ME).json().get("campaigns").toString()).isEqualTo("{\"" + id + "\":7}");

            JsonNode changed = manager.putJson(path, "[{\"userId\":" + boris + ",\"skillLevel\":10}]").json();
            assertThat(changed).extracting(entry -> entry.get("userId").asLong()).containsExactly(boris);
            assertThat(agent.get(ME).json().get("campaigns").toString()).isEqualTo("{}");

            assertUnprocessable(manager.putJson(path, "[{\"userId\":" + anna + ",\"skillLevel\":0},{\"skillLevel\":11}]"),
                    "[0].skillLevel", "[1].userId", "[1].skillLevel");
            assertUnprocessable(manager.putJson(path, "[{\"userId\":" + supervisorId + ",\"skillLevel\":5},"
                    + "{\"userId\":987654,\"skillLevel\":5}]"), "[0].userId", "[1].userId");
            assertUnprocessable(manager.putJson(path, "[{\"userId\":" + anna + ",\"skillLevel\":5},"
                    + "{\"userId\":" + anna + ",\"skillLevel\":6}]"), "[1].userId");
            assertUnprocessable(manager.putJson(path, "[null]"), "[0]");
            assertUnprocessable(manager.putJson(path, "[{\"userId\":\"x\",\"skillLevel\":5}]"), "[0].userId");
            assertUnprocessable(manager.putJson(path, ""), "body");
            assertThat(manager.get(path).json()).isEqualTo(changed);

            assertThat(manager.putJson(path, "[]").json()).isEmpty();
            assertThat(manager.get("/api/v1/campaigns/987654/agents").status()).isEqualTo(404);
            assertThat(manager.putJson("/api/v1/campaigns/987654/agents", "[]").status()).isEqualTo(404);
            assertThat(as(APPLIANCE, "desk.supervisor").putJson(path, "[]").status()).isEqualTo(403);
            assertThat(agent.get(path).status()).isEqualTo(403);
        } finally {
            agent.postJson(ME + "/logout", "");
        }
    }

    /** Whether the simulated phone's leg comes up within 10 s. */
    private static boolean phoneConnects(ApiClient agent) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (agent.get(ME).json().get("phoneConnected").asBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static void assertUnprocessable(ApiClient.Reply reply, String... fields) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("errors")).extracting(error -> error.get("field").asText()).containsExactly(fields);
    }
}
