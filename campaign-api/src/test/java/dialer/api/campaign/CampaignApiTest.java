package dialer.api.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dialer.api.testing.ApiClient;
import dialer.api.testing.EngineFixtures;
import dialer.api.testing.RunningAppliance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Campaigns over real HTTP, on the whole appliance. */
class CampaignApiTest {
    @RegisterExtension
    static final RunningAppliance APPLIANCE = new RunningAppliance();
    private static final String PATH = "/api/v1/campaigns";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    @BeforeAll
    static void people() {
        for (String role : new String[] {"manager", "supervisor", "agent"}) {
            assertThat(APPLIANCE.admin().postJson("/api/v1/users", "{\"username\":\"campaign." + role
                    + "\",\"password\":\"password-1\",\"roles\":[\"" + role + "\"]}").status()).isEqualTo(201);
        }
    }

    @Test
    void createsADraftWithEveryDefaultFilledIn() {
        ApiClient.Reply created = as("manager").postJson(PATH, minimal("Spring sale"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode campaign = created.json();
        long id = campaign.get("id").asLong();
        assertThat(created.response().headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith(PATH + "/" + id));
        assertThat(campaign.get("state").asText()).isEqualTo("draft");
        assertThat(campaign.get("mode").asText()).isEqualTo("progressive");
        assertThat(campaign.get("dialRatio").isNull()).isTrue();
        assertThat(campaign.get("targetAbandonRate").asDouble()).isEqualTo(0.03);
        assertThat(campaign.get("abandonWindow").asText()).isEqualTo("30d");
        assertThat(campaign.get("schedule").toString())
                .isEqualTo("{\"days\":[\"mon\",\"tue\",\"wed\",\"thu\",\"fri\",\"sat\"],\"start\":\"09:00\",\"end\":\"20:00\"}");
        assertThat(campaign.at("/retryRules/busy").toString()).isEqualTo("{\"delayMinutes\":10,\"maxRetries\":3}");
        assertThat(campaign.at("/retryRules/abandoned/delayMinutes").asInt()).isEqualTo(4320);
        assertThat(campaign.get("maxAttemptsTotal").asInt()).isEqualTo(10);
        assertThat(campaign.get("maxAttemptsPer30Days").asInt()).isEqualTo(10);
        assertThat(campaign.get("createdAt").asText()).isNotBlank();
        assertThat(campaign.has("settings")).isFalse();

        assertThat(as("supervisor").get(PATH + "/" + id).json()).isEqualTo(campaign);
        assertThat(as("supervisor").get(PATH).json()).contains(campaign);
    }

    @Test
    void namesEveryBadFieldAtOnce() {
        ApiClient.Reply reply = APPLIANCE.admin().postJson(PATH, "{\"name\":\"Bad\",\"mode\":\"power\","
                + "\"dialRatio\":9,\"schedule\":{\"start\":\"07:00\",\"end\":\"22:00\"},\"defaultRegion\":\"QQ\","
                + "\"retryRules\":{\"busy\":{\"delayMinutes\":0}}}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("errors")).extracting(error -> error.get("field").asText()).containsExactly(
                "dialRatio", "schedule.start", "schedule.end", "defaultRegion", "fallbackTimeZone",
                "retryRules.busy.delayMinutes");
    }

    @Test
    void refusesATakenNameWhateverItsCase() {
        assertThat(as("manager").postJson(PATH, minimal("Winter calls")).status()).isEqualTo(201);

        ApiClient.Reply reply = as("manager").postJson(PATH, minimal("WINTER CALLS"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
        assertThat(reply.json().get("field").asText()).isEqualTo("name");
    }

    @Test
    void patchChangesOnlyWhatItNamesAndChecksTheWhole() {
        ApiClient manager = as("manager");
        JsonNode created = manager.postJson(PATH, "{\"name\":\"Patched\",\"mode\":\"power\",\"dialRatio\":2,"
                + "\"defaultRegion\":\"US\",\"fallbackTimeZone\":\"America/New_York\",\"trunk\":\"gw-1\"}").json();
        String path = PATH + "/" + created.get("id").asLong();

        ApiClient.Reply patched = manager.patch(path, MERGE_PATCH,
                "{\"schedule\":{\"start\":\"10:00\"},\"retryRules\":{\"busy\":{\"maxRetries\":5}},\"trunk\":null}");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        JsonNode campaign = patched.json();
        assertThat(campaign.at("/schedule/start").asText()).isEqualTo("10:00");
        assertThat(campaign.at("/schedule/end").asText()).isEqualTo("20:00");
        assertThat(campaign.at("/retryRules/busy").toString()).isEqualTo("{\"delayMinutes\":10,\"maxRetries\":5}");
        assertThat(campaign.get("trunk").isNull()).isTrue();
        assertThat(campaign.get("name").asText()).isEqualTo("Patched");
        assertThat(campaign.get("dialRatio").asDouble()).isEqualTo(2.0);
        assertThat(manager.get(path).json()).isEqualTo(campaign);

        assertUnprocessable(manager.patch(path, "application/json", "{\"mode\":\"predictive\"}"), "dialRatio");
        assertUnprocessable(manager.patch(path, MERGE_PATCH, "{\"schedule\":{\"end\":\"21:30\"},\"name\":\"\"}"),
                "name", "schedule.end");
        assertUnprocessable(manager.patch(path, MERGE_PATCH, "{\"colour\":\"red\"}"), "colour");
        assertUnprocessable(manager.patch(path, MERGE_PATCH, "{\"state\":\"running\"}"), "state");
        assertUnprocessable(manager.patch(path, MERGE_PATCH, "{\"schedule\":{\"days\":\"mon\"}}"), "schedule.days");
        assertUnprocessable(manager.patch(path, MERGE_PATCH, "[1]"), "body");
        assertThat(manager.get(path).json()).isEqualTo(campaign);

        JsonNode predictive = manager.patch(path, "application/json", "{\"mode\":\"predictive\",\"dialRatio\":null}")
                .json();
        assertThat(predictive.get("mode").asText()).isEqualTo("predictive");
        assertThat(predictive.get("dialRatio").isNull()).isTrue();
        assertThat(manager.patch(PATH + "/987654", MERGE_PATCH, "{}").status()).isEqualTo(404);
    }

    @Test
    void deletesUnlessRunning() {
        ApiClient manager = as("manager");
        long id = manager.postJson(PATH, minimal("Short lived")).json().get("id").asLong();
        long running = manager.postJson(PATH, minimal("Busy running")).json().get("id").asLong();
        // one contact where it is night: the campaign keeps running, dialling nobody
        EngineFixtures.contacts(manager, running, 2000301, 1, EngineFixtures.zoneWhereItIs(3));
        assertThat(manager.postJson(PATH + "/" + running + "/start", "").status()).isEqualTo(200);

        assertThat(manager.delete(PATH + "/" + id).status()).isEqualTo(204);
        ApiClient.Reply gone = manager.get(PATH + "/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("detail").asText()).isEqualTo("No campaign with id " + id);
        assertThat(manager.delete(PATH + "/" + id).status()).isEqualTo(404);
        ApiClient.Reply refused = manager.delete(PATH + "/" + running);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("field").asText()).isEqualTo("state");
        assertThat(manager.get(PATH + "/" + running).status()).isEqualTo(200);
        assertThat(manager.postJson(PATH + "/" + running + "/stop", "").status()).isEqualTo(200);
        assertThat(manager.delete(PATH + "/" + running).status()).isEqualTo(204);
    }

    @Test
    void onlyManagersAndAdminsChangeCampaignsAndSupervisorsRead() {
        long id = APPLIANCE.admin().postJson(PATH, minimal("Guarded")).json().get("id").asLong();

        assertThat(APPLIANCE.anonymous().get(PATH).status()).isEqualTo(401);
        assertThat(APPLIANCE.anonymous().postJson(PATH, minimal("Anonymous")).status()).isEqualTo(401);
        ApiClient agent = as("agent");
        assertThat(agent.get(PATH).status()).isEqualTo(403);
        assertThat(agent.get(PATH + "/" + id).status()).isEqualTo(403);
        assertThat(agent.postJson(PATH, minimal("By an agent")).status()).isEqualTo(403);
        ApiClient supervisor = as("supervisor");
        assertThat(supervisor.get(PATH + "/" + id).status()).isEqualTo(200);
        assertThat(supervisor.postJson(PATH, minimal("By a supervisor")).status()).isEqualTo(403);
        assertThat(supervisor.patch(PATH + "/" + id, MERGE_PATCH, "{\"trunk\":\"x\"}").status()).isEqualTo(403);
        assertThat(supervisor.delete(PATH + "/" + id).status()).isEqualTo(403);
    }

    private static ApiClient as(String role) {
        return APPLIANCE.anonymous().asUser("campaign." + role, "password-1");
    }

    private static String minimal(String name) {
        return "{\"name\":\"" + name + "\",\"mode\":\"progressive\",\"defaultRegion\":\"RU\","
                + "\"fallbackTimeZone\":\"Europe/Moscow\"}";
    }

    private static void assertUnprocessable(ApiClient.Reply reply, String... fields) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("errors")).extracting(error -> error.get("field").asText())
                .containsExactly(fields);
    }
}
