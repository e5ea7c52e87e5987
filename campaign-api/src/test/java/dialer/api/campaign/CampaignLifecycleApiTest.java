package dialer.api.campaign;

import static dialer.api.testing.EngineFixtures.as;
import static dialer.api.testing.EngineFixtures.campaign;
import static dialer.api.testing.EngineFixtures.contacts;
import static dialer.api.testing.EngineFixtures.user;
import static dialer.api.testing.EngineFixtures.zoneWhereItIs;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import dialer.api.testing.ApiClient;
import dialer.api.testing.RunningAppliance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Starting, pausing and stopping campaigns over real HTTP. A campaign kept running here has one contact in a
 * time zone where it is 3 at night, so that it is never dialled and the campaign never completes.
 */
class CampaignLifecycleApiTest {
    @RegisterExtension
    static final RunningAppliance APPLIANCE = new RunningAppliance();
    private static final String PATH = "/api/v1/campaigns/";

    @BeforeAll
    static void people() {
        user(APPLIANCE, "lifecycle.manager", "manager");
        user(APPLIANCE, "lifecycle.supervisor", "supervisor");
        user(APPLIANCE, "lifecycle.agent", "agent");
    }

    @Test
    void aCampaignGoesFromDraftToRunningToPausedAndIsStoppedForGood() {
        ApiClient manager = as(APPLIANCE, "lifecycle.manager");
        long id = sleepingCampaign("Lifecycle", 2000001);

        assertState(manager.postJson(PATH + id + "/start", ""), "running");
        assertState(manager.postJson(PATH + id + "/start", ""), "running");
        assertState(manager.postJson(PATH + id + "/pause", ""), "paused");
        assertState(manager.postJson(PATH + id + "/pause", ""), "paused");
        assertState(manager.postJson(PATH + id + "/start", ""), "running");
        assertState(manager.postJson(PATH + id + "/stop", ""), "stopped");
        assertThat(manager.get(PATH + id).json().get("state").asText()).isEqualTo("stopped");

        assertConflict(manager.postJson(PATH + id + "/start", ""), "stopped", "running");
        assertConflict(manager.postJson(PATH + id + "/pause", ""), "stopped", "paused");
        assertState(manager.postJson(PATH + id + "/stop", ""), "stopped");
    }

    @Test
    void onlyARunningCampaignPausesAndADraftMayBeStopped() {
        ApiClient manager = as(APPLIANCE, "lifecycle.manager");
        long id = campaign(manager, "Never started");

        assertConflict(manager.postJson(PATH + id + "/pause", ""), "draft", "paused");
        assertState(manager.postJson(PATH + id + "/stop", ""), "stopped");
    }

    @Test
    void aRunningCampaignWhoseContactsAreAllDoneCompletesButAnEmptyOneWaitsForItsList() throws InterruptedException {
        ApiClient manager = as(APPLIANCE, "lifecycle.manager");
        long empty = campaign(manager, "List to come");
        assertState(manager.postJson(PATH + empty + "/start", ""), "running");
        long id = campaign(manager, "Nothing to call");
        contacts(manager, id, 2000301, 1, zoneWhereItIs(12));
        assertThat(manager.postJson("/api/v1/dnc", "{\"number\":\"+79262000301\"}").status()).isEqualTo(201);
        assertState(manager.postJson(PATH + id + "/start", ""), "running");

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!manager.get(PATH + id).json().get("state").asText().equals("completed") && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(manager.get(PATH + id).json().get("state").asText()).isEqualTo("completed");
        assertConflict(manager.postJson(PATH + id + "/start", ""), "completed", "running");
        assertConflict(manager.postJson(PATH + id + "/pause", ""), "completed", "paused");
        assertConflict(manager.postJson(PATH + id + "/stop", ""), "completed", "stopped");
        assertThat(manager.get(PATH + empty).json().get("state").asText()).as("a campaign with no contact yet").isEqualTo("running");
        assertState(manager.postJson(PATH + empty + "/stop", ""), "stopped");
    }

    @Test
    void anUnknownCampaignIs404() {
        ApiClient manager = as(APPLIANCE, "lifecycle.manager");
        for (String action : new String[] {"start", "pause", "stop"}) {
            ApiClient.Reply reply = manager.postJson(PATH + "987654/" + action, "");
            assertThat(reply.status()).as(action).isEqualTo(404);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().get("detail").asText()).isEqualTo("No campaign with id 987654");
        }
        assertThat(manager.get(PATH + "987654/stats").status()).isEqualTo(404);
    }

    @Test
    void onlyManagersAndAdminsStartPauseAndStop() {
        long id = sleepingCampaign("Guarded run", 2000101);

        assertThat(APPLIANCE.anonymous().postJson(PATH + id + "/start", "").status()).isEqualTo(401);
        for (String who : new String[] {"lifecycle.agent", "lifecycle.supervisor"}) {
            for (String action : new String[] {"start", "pause", "stop"}) {
                ApiClient.Reply reply = as(APPLIANCE, who).postJson(PATH + id + "/" + action, "");
                assertThat(reply.status()).as(who + " " + action).isEqualTo(403);
                assertThat(reply.contentType()).startsWith("application/problem+json");
            }
        }
        assertThat(APPLIANCE.admin().get(PATH + id).json().get("state").asText()).isEqualTo("draft");
        assertState(APPLIANCE.admin().postJson(PATH + id + "/start", ""), "running");
        assertState(APPLIANCE.admin().postJson(PATH + id + "/stop", ""), "stopped");
    }

    @Test
    void statsShowTheCampaignsAgentsAndStoredFigures() {
        ApiClient manager = as(APPLIANCE, "lifecycle.manager");
        long id = sleepingCampaign("Watched", 2000201);
        long agentId = user(APPLIANCE, "lifecycle.watched", "agent");
        assertThat(manager.putJson(PATH + id + "/agents", "[{\"userId\":" + agentId + ",\"skillLevel\":4}]").status())
                .isEqualTo(200);
        ApiClient agent = as(APPLIANCE, "lifecycle.watched");
        assertThat(agent.postJson("/api/v1/agents/me/login", "{\"phoneUri\":\"sip:2001@127.0.0.1\"}").status()).isEqualTo(200);
        try {
            assertState(manager.postJson(PATH + id + "/start", ""), "running");

            ApiClient.Reply reply = as(APPLIANCE, "lifecycle.supervisor").get(PATH + id + "/stats");
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            var stats = reply.json();
            assertThat(stats.get("campaignId").asLong()).isEqualTo(id);
            assertThat(stats.get("state").asText()).isEqualTo("running");
            assertThat(stats.get("callsInFlight").asInt()).isZero();
            assertThat(stats.get("callsWaitingForAgent").asInt()).isZero();
            assertThat(stats.get("agentsByState").toString()).isEqualTo(
                    "{\"ready\":1,\"break\":0,\"dnd\":0,\"outbound-only\":0,\"on-call\":0,\"wrap-up\":0}");
            assertThat(stats.get("occupancy").asDouble()).isZero();
            assertThat(stats.get("pacingRatio").asDouble()).isZero();
            assertThat(stats.get("dials").asLong()).isZero();
            assertThat(stats.get("liveAnswers").asLong()).isZero();
            assertThat(stats.get("abandoned").asLong()).isZero();
            assertThat(stats.get("abandonRate24h").asDouble()).isZero();
            assertThat(stats.get("abandonRate30d").asDouble()).isZero();
            assertThat(stats.get("openAttempts").asLong()).isZero();
            assertThat(stats.get("contactsByState").toString()).isEqualTo("{\"READY\":1}");
            assertThat(stats.get("complianceSkips").isObject()).isTrue();

            assertThat(agent.putJson("/api/v1/agents/me/state", "{\"state\":\"break\",\"reason\":\"coffee\"}").status())
                    .isEqualTo(200);
            var onBreak = manager.get(PATH + id + "/stats").json();
            assertThat(onBreak.at("/agentsByState/break").asInt()).isEqualTo(1);
            assertThat(onBreak.get("occupancy").isNull()).as(onBreak.toString()).isTrue();
            assertThat(onBreak.get("pacingRatio").isNull()).isTrue();

            assertThat(agent.get(PATH + id + "/stats").status()).isEqualTo(403);
        } finally {
            manager.postJson(PATH + id + "/stop", "");
            agent.postJson("/api/v1/agents/me/logout", "");
        }
    }

    /** A campaign with one contact, where it is night now: it may run, it never dials. */
    private static long sleepingCampaign(String name, long firstNumber) {
        ApiClient manager = as(APPLIANCE, "lifecycle.manager");
        long id = campaign(manager, name);
        contacts(manager, id, firstNumber, 1, zoneWhereItIs(3));
        return id;
    }

    private static void assertState(ApiClient.Reply reply, String state) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().get("state").asText()).isEqualTo(state);
    }

    private static void assertConflict(ApiClient.Reply reply, String from, String to) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("field").asText()).isEqualTo("state");
        assertThat(reply.json().get("detail").asText()).contains("is " + from, "cannot become " + to);
    }
}
