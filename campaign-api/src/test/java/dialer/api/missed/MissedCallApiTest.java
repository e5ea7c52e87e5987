package dialer.api.missed;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import dialer.api.testing.ApiClient;
import dialer.api.testing.EngineFixtures;
import dialer.api.testing.RunningAppliance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Missed and answered inbound calls reported over the real server: intake, dedupe, close by the customer. */
class MissedCallApiTest {
    @RegisterExtension
    static final RunningAppliance APPLIANCE = new RunningAppliance();
    private static final String GROUP_DID = "+74952100001";
    private static long groupCampaign;
    private static long defaultCampaign;

    @BeforeAll
    static void createUsersAndAGroup() {
        EngineFixtures.user(APPLIANCE, "missed.manager", "manager");
        EngineFixtures.user(APPLIANCE, "missed.supervisor", "supervisor");
        EngineFixtures.user(APPLIANCE, "missed.agent", "agent");
        ApiClient.Reply group = manager().postJson("/api/v1/did-groups",
                "{\"name\":\"Missed calls line\",\"dids\":[\"" + GROUP_DID + "\"],\"mode\":\"auto\"}");
        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        groupCampaign = group.json().get("campaignId").asLong();
        for (JsonNode found : manager().get("/api/v1/did-groups").json()) {
            if (found.get("default").asBoolean()) {
                defaultCampaign = found.get("campaignId").asLong();
            }
        }
    }

    private static ApiClient manager() {
        return EngineFixtures.as(APPLIANCE, "missed.manager");
    }

    private static ApiClient supervisor() {
        return EngineFixtures.as(APPLIANCE, "missed.supervisor");
    }

    private static String missedCall(String caller, String called, String startedAt) {
        return "{\"callerNumber\":\"" + caller + "\"" + (called == null ? "" : ",\"calledNumber\":\"" + called + "\"")
                + ",\"startedAt\":\"" + startedAt + "\",\"waitedSeconds\":42,\"reason\":\"abandoned-in-queue\",\"ivrPath\":\"1*3\"}";
    }

    private static String answered(String caller, String answeredAt) {
        return "{\"callerNumber\":\"" + caller + "\",\"calledNumber\":\"" + GROUP_DID + "\",\"answeredAt\":\"" + answeredAt + "\"}";
    }

    /** The campaign's contacts with this number. */
    private static List<JsonNode> contacts(long campaignId, String phone) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode contact : manager().get("/api/v1/campaigns/" + campaignId + "/contacts?limit=1000").json().get("items")) {
            if (phone.equals(contact.get("phone").asText())) {
                found.add(contact);
            }
        }
        return found;
    }

    @Test
    void aMissedCallToAGroupsNumberBecomesATopPriorityContactOfTheGroupsCampaign() {
        ApiClient.Reply reported = supervisor().postJson("/api/v1/missed-calls",
                missedCall("8 (495) 300-00-01", "8 495 210-00-01", "2026-11-23T10:15:00+03:00"));

        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        JsonNode call = reported.json();
        assertThat(reported.response().headers().firstValue("Location").orElseThrow()).endsWith("/api/v1/missed-calls/" + call.get("id").asLong());
        assertThat(call.get("callerNumber").asText()).isEqualTo("+74953000001");
        assertThat(call.get("calledNumber").asText()).isEqualTo(GROUP_DID);
        assertThat(call.get("campaignId").asLong()).isEqualTo(groupCampaign);
        assertThat(call.get("state").asText()).isEqualTo("open");
        assertThat(call.get("count").asInt()).isEqualTo(1);
        assertThat(call.get("firstMissedAt").asText()).isEqualTo("2026-11-23T07:15:00Z");
        assertThat(call.get("reason").asText()).isEqualTo("abandoned-in-queue");
        assertThat(call.get("waitedSeconds").asInt()).isEqualTo(42);
        assertThat(call.get("ivrPath").asText()).isEqualTo("1*3");
        assertThat(call.get("contactState").asText()).isEqualTo("READY");

        List<JsonNode> contacts = contacts(groupCampaign, "+74953000001");
        assertThat(contacts).hasSize(1);
        assertThat(contacts.get(0).get("id").asLong()).isEqualTo(call.get("contactId").asLong());
        assertThat(contacts.get(0).get("priority").asInt()).isEqualTo(1_000_000);
        assertThat(contacts.get(0).get("timeZone").asText()).isEqualTo("Europe/Moscow");
        assertThat(contacts.get(0).at("/customFields/missedCallReason").asText()).isEqualTo("abandoned-in-queue");
        assertThat(contacts.get(0).at("/customFields/ivrPath").asText()).isEqualTo("1*3");
        assertThat(manager().get("/api/v1/missed-calls/" + call.get("id").asLong()).json().get("contactId").asLong())
                .isEqualTo(call.get("contactId").asLong());
    }

    @Test
    void aMissedCallToANumberOfNoGroupGoesToTheDefaultCallbackCampaign() {
        ApiClient.Reply otherNumber = manager().postJson("/api/v1/missed-calls",
                missedCall("+74953000002", "+74959999999", "2026-11-23T10:15:00+03:00"));
        ApiClient.Reply noNumber = manager().postJson("/api/v1/missed-calls",
                missedCall("+74953000003", null, "2026-11-23T10:15:00+03:00"));

        assertThat(otherNumber.status()).as(otherNumber.toString()).isEqualTo(201);
        assertThat(noNumber.status()).as(noNumber.toString()).isEqualTo(201);
        assertThat(otherNumber.json().get("campaignId").asLong()).isEqualTo(defaultCampaign);
        assertThat(noNumber.json().get("campaignId").asLong()).isEqualTo(defaultCampaign);
        assertThat(contacts(defaultCampaign, "+74953000002")).hasSize(1);
        assertThat(contacts(defaultCampaign, "+74953000003")).hasSize(1);
        assertThat(contacts(groupCampaign, "+74953000002")).isEmpty();
    }

    @Test
    void aBadReportIsA400NamingEachBadField() {
        ApiClient.Reply refused = manager().postJson("/api/v1/missed-calls", "{\"callerNumber\":\"12-34\",\"calledNumber\":\"x\","
                + "\"startedAt\":\"yesterday\",\"waitedSeconds\":-1,\"reason\":\"lost\",\"ivrPath\":\"" + "1".repeat(101) + "\"}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors")).extracting(error -> error.get("field").asText())
                .containsExactlyInAnyOrder("callerNumber", "calledNumber", "startedAt", "waitedSeconds", "reason", "ivrPath");
        ApiClient.Reply missing = manager().postJson("/api/v1/missed-calls", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors")).extracting(error -> error.get("field").asText())
                .containsExactlyInAnyOrder("callerNumber", "startedAt", "reason");
        assertThat(manager().postJson("/api/v1/missed-calls", "").json().get("field").asText()).isEqualTo("body");
        ApiClient.Reply badAnswer = manager().postJson("/api/v1/inbound-answered", "{\"callerNumber\":\"abc\",\"answeredAt\":\"noon\"}");
        assertThat(badAnswer.status()).isEqualTo(400);
        assertThat(badAnswer.json().get("errors")).extracting(error -> error.get("field").asText())
                .containsExactlyInAnyOrder("callerNumber", "answeredAt");
    }

    @Test
    void moreMissedCallsFromACallerWithAnOpenCallbackCountOnIt() {
        ApiClient.Reply first = manager().postJson("/api/v1/missed-calls", missedCall("+74953000010", GROUP_DID, "2026-11-23T10:15:00Z"));
        ApiClient.Reply second = manager().postJson("/api/v1/missed-calls", missedCall("+74953000010", GROUP_DID, "2026-11-23T10:25:00Z"));
        ApiClient.Reply late = manager().postJson("/api/v1/missed-calls", missedCall("8 495 300-00-10", null, "2026-11-23T10:20:00Z"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(late.status()).isEqualTo(200);
        assertThat(late.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        assertThat(late.json().get("count").asInt()).isEqualTo(3);
        assertThat(late.json().get("firstMissedAt").asText()).isEqualTo("2026-11-23T10:15:00Z");
        assertThat(late.json().get("lastMissedAt").asText()).as("the latest of the three").isEqualTo("2026-11-23T10:25:00Z");
        assertThat(contacts(groupCampaign, "+74953000010")).hasSize(1);
        assertThat(contacts(defaultCampaign, "+74953000010")).as("one callback per caller, whatever number it called").isEmpty();
    }

    @Test
    void reportsOfOneCallerAtOnceMakeOneCallback() throws Exception {
        int rounds = 10;
        int together = 4;
        ExecutorService pool = Executors.newFixedThreadPool(together);
        try {
            for (int round = 0; round < rounds; round++) {
                String caller = "+7495301" + String.format("%04d", round);
                CyclicBarrier start = new CyclicBarrier(together);
                List<Future<ApiClient.Reply>> replies = new ArrayList<>();
                for (int i = 0; i < together; i++) {
                    replies.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return manager().postJson("/api/v1/missed-calls", missedCall(caller, GROUP_DID, "2026-11-23T11:00:00Z"));
                    }));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<ApiClient.Reply> reply : replies) {
                    statuses.add(reply.get(30, TimeUnit.SECONDS).status());
                }
                assertThat(statuses).as("round " + round).containsOnly(201, 200).containsOnlyOnce(201);
                assertThat(number("SELECT count(*) FROM missed_calls WHERE caller_e164 = ?", caller)).as("round " + round).isEqualTo(1);
                assertThat(number("SELECT max(missed_count) FROM missed_calls WHERE caller_e164 = ?", caller))
                        .as("round " + round).isEqualTo(together);
                assertThat(number("SELECT count(*) FROM contacts WHERE phone_e164 = ?", caller)).as("round " + round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAnsweredInboundCallClosesTheCallerOpenCallback() {
        JsonNode opened = manager().postJson("/api/v1/missed-calls", missedCall("+74953000020", GROUP_DID, "2026-11-23T10:00:00Z")).json();

        ApiClient.Reply closed = supervisor().postJson("/api/v1/inbound-answered", answered("8 495 300-00-20", "2026-11-23T10:05:00Z"));

        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().get("id").asLong()).isEqualTo(opened.get("id").asLong());
        assertThat(closed.json().get("state").asText()).isEqualTo("resolved-by-customer");
        assertThat(closed.json().get("closedAt").asText()).isEqualTo("2026-11-23T10:05:00Z");
        assertThat(closed.json().get("contactState").asText()).isEqualTo("CANCELLED");
        assertThat(contacts(groupCampaign, "+74953000020").get(0).get("state").asText()).isEqualTo("CANCELLED");
        assertThat(manager().postJson("/api/v1/inbound-answered", answered("+74953000020", "2026-11-23T10:06:00Z")).status())
                .as("nothing open any more").isEqualTo(204);

        ApiClient.Reply again = manager().postJson("/api/v1/missed-calls", missedCall("+74953000020", GROUP_DID, "2026-11-23T12:00:00Z"));
        assertThat(again.status()).as("a new callback once the last is closed").isEqualTo(201);
        assertThat(again.json().get("id").asLong()).isNotEqualTo(opened.get("id").asLong());
        assertThat(again.json().get("contactId").asLong()).isEqualTo(opened.get("contactId").asLong());
        assertThat(again.json().get("contactState").asText()).as("its contact callable again").isEqualTo("READY");
    }

    @Test
    void anInboundCallAnsweredBeforeTheLastMissedCallLeavesTheCallbackOpen() {
        manager().postJson("/api/v1/missed-calls", missedCall("+74953000021", GROUP_DID, "2026-11-23T10:00:00Z"));
        manager().postJson("/api/v1/missed-calls", missedCall("+74953000021", GROUP_DID, "2026-11-23T10:10:00Z"));

        ApiClient.Reply answeredBetween = manager().postJson("/api/v1/inbound-answered", answered("+74953000021", "2026-11-23T10:05:00Z"));

        assertThat(answeredBetween.status()).isEqualTo(200);
        assertThat(answeredBetween.json().get("state").asText()).isEqualTo("open");
        assertThat(answeredBetween.json().get("contactState").asText()).isEqualTo("READY");
    }

    @Test
    void machinesReportWithAnApiKeyOfScopeMissedCallsWrite() {
        String reporter = key("{\"name\":\"pbx\",\"scopes\":[\"missed-calls:write\"]}");
        String crm = key("{\"name\":\"crm\",\"scopes\":[\"contacts:write\"]}");
        ApiClient pbx = APPLIANCE.anonymous().withApiKey(reporter);

        assertThat(pbx.postJson("/api/v1/missed-calls", missedCall("+74953000030", GROUP_DID, "2026-11-23T10:00:00Z")).status())
                .isEqualTo(201);
        assertThat(pbx.postJson("/api/v1/inbound-answered", answered("+74953000030", "2026-11-23T10:01:00Z")).json()
                .get("state").asText()).isEqualTo("resolved-by-customer");
        assertThat(pbx.get("/api/v1/missed-calls").status()).as("reading is for people").isEqualTo(403);
        ApiClient other = APPLIANCE.anonymous().withApiKey(crm);
        assertThat(other.postJson("/api/v1/missed-calls", missedCall("+74953000031", GROUP_DID, "2026-11-23T10:00:00Z")).status())
                .isEqualTo(403);
        assertThat(other.postJson("/api/v1/inbound-answered", answered("+74953000030", "2026-11-23T10:01:00Z")).status())
                .isEqualTo(403);
        ApiClient agent = EngineFixtures.as(APPLIANCE, "missed.agent");
        assertThat(agent.postJson("/api/v1/missed-calls", missedCall("+74953000031", GROUP_DID, "2026-11-23T10:00:00Z")).status())
                .isEqualTo(403);
        assertThat(APPLIANCE.anonymous().postJson("/api/v1/missed-calls", missedCall("+74953000031", GROUP_DID,
                "2026-11-23T10:00:00Z")).status()).isEqualTo(401);
        assertThat(number("SELECT count(*) FROM missed_calls WHERE caller_e164 = ?", "+74953000031")).isZero();
    }

    @Test
    void missedCallsArePagedByState() {
        manager().postJson("/api/v1/missed-calls", missedCall("+74953000040", GROUP_DID, "2026-11-23T10:00:00Z"));
        manager().postJson("/api/v1/missed-calls", missedCall("+74953000041", GROUP_DID, "2026-11-23T10:00:00Z"));
        manager().postJson("/api/v1/inbound-answered", answered("+74953000041", "2026-11-23T10:01:00Z"));

        List<JsonNode> open = new ArrayList<>();
        String path = "/api/v1/missed-calls?state=open&limit=2";
        for (int pages = 0; path != null; pages++) {
            assertThat(pages).isLessThan(100);
            JsonNode page = supervisor().get(path).json();
            page.get("items").forEach(open::add);
            path = page.has("next") ? "/api/v1/missed-calls?state=open&limit=2&after=" + page.get("next").asLong() : null;
        }
        assertThat(open).allMatch(call -> "open".equals(call.get("state").asText()));
        assertThat(open).extracting(call -> call.get("callerNumber").asText()).contains("+74953000040").doesNotContain("+74953000041");
        assertThat(open).extracting(call -> call.get("id").asLong()).isSorted();
        JsonNode resolved = supervisor().get("/api/v1/missed-calls?state=resolved-by-customer&limit=1000").json().get("items");
        assertThat(resolved).extracting(call -> call.get("callerNumber").asText()).contains("+74953000041");
        ApiClient.Reply bad = supervisor().get("/api/v1/missed-calls?state=lost&limit=0");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors")).extracting(error -> error.get("field").asText()).containsExactly("state", "limit");
    }

    private static String key(String request) {
        ApiClient.Reply created = APPLIANCE.admin().postJson("/api/v1/api-keys", request);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("key").asText();
    }

    /** The number a query of the appliance's database gives. */
    private static long number(String sql, String parameter) {
        try (Connection connection = APPLIANCE.database(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
