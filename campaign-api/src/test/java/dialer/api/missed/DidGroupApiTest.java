package dialer.api.missed;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import com.fasterxml.jackson.databind.JsonNode;
import dialer.api.testing.ApiClient;
import dialer.api.testing.EngineFixtures;
import dialer.api.testing.RunningAppliance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DID groups and their callback campaigns over the real server. */
class DidGroupApiTest {
    @RegisterExtension
    static final RunningAppliance APPLIANCE = new RunningAppliance();

    @BeforeAll
    static void createUsers() {
        EngineFixtures.user(APPLIANCE, "groups.manager", "manager");
        EngineFixtures.user(APPLIANCE, "groups.supervisor", "supervisor");
    }

    private static ApiClient manager() {
        return EngineFixtures.as(APPLIANCE, "groups.manager");
    }

    @Test
    void theDefaultGroupExistsFromTheFirstStartWithARunningProgressiveCampaign() {
        JsonNode groups = manager().get("/api/v1/did-groups").json();
        JsonNode defaults = null;
        for (JsonNode group : groups) {
            if (group.get("default").asBoolean()) {
                assertThat(defaults).as("one default group").isNull();
                defaults = group;
            }
        }
        assertThat(defaults).isNotNull();
        assertThat(defaults.get("mode").asText()).isEqualTo("auto");
        assertThat(defaults.get("deadlineMinutes").asInt()).isEqualTo(15);
        assertThat(defaults.get("dids")).isEmpty();
        JsonNode campaign = manager().get("/api/v1/campaigns/" + defaults.get("campaignId").asLong()).json();
        assertThat(campaign.get("name").asText()).isEqualTo("Callbacks: default");
        assertThat(campaign.get("mode").asText()).isEqualTo("progressive");
        assertThat(campaign.get("state").asText()).isEqualTo("running");
    }

    @Test
    void aGroupGetsItsOwnRunningCallbackCampaignInItsMode() {
        ApiClient.Reply auto = manager().postJson("/api/v1/did-groups",
                "{\"name\":\"Sales line\",\"dids\":[\"8 (495) 200-00-02\",\"+74952000001\"],\"mode\":\"auto\"}");
        assertThat(auto.status()).as(auto.toString()).isEqualTo(201);
        assertThat(auto.response().headers().firstValue("Location").orElseThrow()).endsWith("/api/v1/did-groups/" + auto.json().get("id").asLong());
        assertThat(auto.json().get("dids")).extracting(JsonNode::asText).containsExactly("+74952000001", "+74952000002");
        assertThat(auto.json().get("deadlineMinutes").asInt()).isEqualTo(15);
        assertThat(auto.json().get("default").asBoolean()).isFalse();
        JsonNode autoCampaign = manager().get("/api/v1/campaigns/" + auto.json().get("campaignId").asLong()).json();
        assertThat(autoCampaign.get("name").asText()).isEqualTo("Callbacks: Sales line");
        assertThat(autoCampaign.get("mode").asText()).isEqualTo("progressive");
        assertThat(autoCampaign.get("state").asText()).isEqualTo("running");

        ApiClient.Reply manual = manager().postJson("/api/v1/did-groups",
                "{\"name\":\"VIP line\",\"dids\":[\"+74952000003\"],\"mode\":\"manual\",\"deadlineMinutes\":5}");
        assertThat(manual.status()).as(manual.toString()).isEqualTo(201);
        assertThat(manual.json().get("deadlineMinutes").asInt()).isEqualTo(5);
        JsonNode manualCampaign = manager().get("/api/v1/campaigns/" + manual.json().get("campaignId").asLong()).json();
        assertThat(manualCampaign.get("mode").asText()).isEqualTo("preview");
        assertThat(manualCampaign.get("state").asText()).isEqualTo("running");

        assertThat(manager().get("/api/v1/did-groups/" + manual.json().get("id").asLong()).json().get("name").asText())
                .isEqualTo("VIP line");
        assertThat(manager().get("/api/v1/did-groups").json()).extracting(group -> group.get("name").asText())
                .contains("default", "Sales line", "VIP line");
    }

    @Test
    void aBadGroupIsRefusedNamingEachField() {
        int before = manager().get("/api/v1/did-groups").json().size();

        ApiClient.Reply refused = manager().postJson("/api/v1/did-groups", "{\"name\":\" \",\"mode\":\"sometimes\","
                + "\"deadlineMinutes\":0,\"dids\":[\"12-34\",\"+74952000010\",\"8 495 200-00-10\"]}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors")).extracting(error -> error.get("field").asText())
                .containsExactlyInAnyOrder("name", "mode", "deadlineMinutes", "dids[0]", "dids[2]");
        assertThat(manager().postJson("/api/v1/did-groups", "{\"name\":\"No numbers\",\"mode\":\"auto\"}").json()
                .get("errors")).extracting(error -> error.get("field").asText()).containsExactly("dids");
        assertThat(manager().get("/api/v1/did-groups").json().size()).isEqualTo(before);
    }

    @Test
    void aNumberBelongsToOneGroupOnly() throws Exception {
        assertThat(manager().postJson("/api/v1/did-groups",
                "{\"name\":\"Support line\",\"dids\":[\"+74952000020\"],\"mode\":\"auto\"}").status()).isEqualTo(201);

        ApiClient.Reply taken = manager().postJson("/api/v1/did-groups",
                "{\"name\":\"Second support line\",\"dids\":[\"+74952000021\",\"+74952000020\"],\"mode\":\"manual\"}");
        assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
        assertThat(taken.json().get("field").asText()).isEqualTo("dids[1]");
        ApiClient.Reply sameName = manager().postJson("/api/v1/did-groups",
                "{\"name\":\"SUPPORT LINE\",\"dids\":[\"+74952000022\"],\"mode\":\"auto\"}");
        assertThat(sameName.status()).as(sameName.toString()).isEqualTo(409);
        assertThat(sameName.json().get("field").asText()).isEqualTo("name");

        assertThat(campaignsNamed("Callbacks: Second support line")).as("a refused group leaves no campaign behind").isZero();
        assertThat(manager().get("/api/v1/did-groups").json()).extracting(group -> group.get("dids").toString())
                .noneMatch(dids -> dids.contains("+74952000021") || dids.contains("+74952000022"));
    }

    /**
     * How many campaigns have the name, read from the database (the campaigns' list is not read: another test
     * class of the shared appliance stores campaigns without settings, which the list refuses to show).
     */
    private static long campaignsNamed(String name) throws Exception {
        try (Connection connection = APPLIANCE.database();
                PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM campaigns WHERE name = ?")) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void onlyAdminsAndManagersSeeAndMakeGroups() {
        ApiClient supervisor = EngineFixtures.as(APPLIANCE, "groups.supervisor");
        assertThat(supervisor.get("/api/v1/did-groups").status()).isEqualTo(403);
        assertThat(supervisor.postJson("/api/v1/did-groups",
                "{\"name\":\"Not mine\",\"dids\":[\"+74952000030\"],\"mode\":\"auto\"}").status()).isEqualTo(403);
        assertThat(APPLIANCE.admin().get("/api/v1/did-groups").status()).isEqualTo(200);
    }
}
