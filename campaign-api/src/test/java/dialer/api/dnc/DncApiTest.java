package dialer.api.dnc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import com.fasterxml.jackson.databind.JsonNode;
import dialer.api.testing.ApiClient;
import dialer.api.testing.RunningAppliance;
import dialer.contact.ContactPartitions;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The do-not-call list over the real server. */
class DncApiTest {
    @RegisterExtension
    static final RunningAppliance APPLIANCE = new RunningAppliance();
    private static final String PASSWORD = "dnc-test-password";

    private static ApiClient manager;
    private static ApiClient supervisor;
    private static ApiClient agent;

    @BeforeAll
    static void createUsers() {
        manager = user("dnc.manager", "manager");
        supervisor = user("dnc.supervisor", "supervisor");
        agent = user("dnc.agent", "agent");
    }

    private static ApiClient user(String username, String role) {
        ApiClient.Reply created = APPLIANCE.admin().postJson("/api/v1/users",
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"" + role + "\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return APPLIANCE.anonymous().asUser(username, PASSWORD);
    }

    @Test
    void addsChecksListsAndRemovesANumber() {
        ApiClient.Reply added = manager.postJson("/api/v1/dnc", "{\"number\":\"8 (495) 700-11-22\",\"region\":\"RU\"}");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        long id = added.json().get("id").asLong();
        assertThat(added.response().headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/v1/dnc/" + id));
        assertThat(added.json().get("number").asText()).isEqualTo("+74957001122");
        assertThat(added.json().get("kind").asText()).isEqualTo("number");
        assertThat(added.json().get("campaignId").isNull()).isTrue();

        ApiClient.Reply again = manager.postJson("/api/v1/dnc", "{\"number\":\"+7 495 700 11 22\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asLong()).isEqualTo(id);

        assertThat(supervisor.get("/api/v1/dnc/check?number=%2B74957001122").json().get("blocked").asBoolean()).isTrue();
        assertThat(supervisor.get("/api/v1/dnc/" + id).json().get("number").asText()).isEqualTo("+74957001122");
        assertThat(supervisor.get("/api/v1/dnc?limit=1000").json().get("items"))
                .extracting(item -> item.get("id").asLong()).contains(id);

        assertThat(manager.delete("/api/v1/dnc/" + id).status()).isEqualTo(204);
        assertThat(manager.delete("/api/v1/dnc/" + id).status()).isEqualTo(404);
        assertThat(supervisor.get("/api/v1/dnc/check?number=84957001122&region=RU").json().get("blocked").asBoolean())
                .isFalse();
    }

    @Test
    void aPrefixBlocksEveryNumberInItsCampaign() throws Exception {
        long campaign = campaign("dnc-prefix");
        ApiClient.Reply added = manager.postJson("/api/v1/dnc",
                "{\"number\":\"+7 499*\",\"campaignId\":" + campaign + "}");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().get("number").asText()).isEqualTo("+7499*");
        assertThat(added.json().get("kind").asText()).isEqualTo("prefix");

        assertThat(blocked("/api/v1/dnc/check?number=%2B74991234567&campaignId=" + campaign)).isTrue();
        assertThat(blocked("/api/v1/dnc/check?number=%2B74991234567")).isFalse();
        assertThat(supervisor.get("/api/v1/dnc?campaignId=" + campaign).json().get("items"))
                .extracting(item -> item.get("number").asText()).containsExactly("+7499*");
    }

    @Test
    void namesTheFieldThatIsWrong() {
        ApiClient.Reply invalid = manager.postJson("/api/v1/dnc", "{\"number\":\"84951234567\"}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(invalid.json().at("/errors/0/field").asText()).isEqualTo("number");
        assertThat(invalid.json().at("/errors/0/message").asText()).contains("international form");

        assertThat(manager.postJson("/api/v1/dnc", "{\"number\":\"+7 (495)\"}").json().at("/errors/0/field").asText())
                .isEqualTo("number");
        assertThat(manager.get("/api/v1/dnc?limit=many").json().at("/errors/0/field").asText()).isEqualTo("limit");
        assertThat(manager.get("/api/v1/dnc?kind=range").json().at("/errors/0/field").asText()).isEqualTo("kind");
        assertThat(manager.get("/api/v1/dnc/check?number=%2B7495*").status()).isEqualTo(422);
    }

    @Test
    void pagesThroughTheList() throws Exception {
        long campaign = campaign("dnc-pages");
        for (int i = 0; i < 5; i++) {
            assertThat(manager.postJson("/api/v1/dnc",
                    "{\"number\":\"+7916555000" + i + "\",\"campaignId\":" + campaign + "}").status()).isEqualTo(201);
        }
        JsonNode first = supervisor.get("/api/v1/dnc?campaignId=" + campaign + "&limit=3").json();
        JsonNode second = supervisor.get("/api/v1/dnc?campaignId=" + campaign + "&limit=3&after="
                + first.get("next").asLong()).json();

        assertThat(first.get("items")).hasSize(3);
        assertThat(second.get("items")).extracting(item -> item.get("number").asText())
                .containsExactly("+79165550003", "+79165550004");
        assertThat(second.get("next").isNull()).isTrue();
    }

    @Test
    void uploadsAWindows1251CsvWithSemicolonsAndARussianHeader() throws Exception {
        long campaign = campaign("dnc-upload");
        long contact = contact(campaign, "+73832001122");
        byte[] csv = """
                ФИО;Телефон
                Иванов Иван;8 (383) 200-11-22
                Петров Пётр;+7 383 200-11-23
                Сидорова Анна;нет номера
                Иванов Иван;8 383 200 11 22
                """.getBytes(Charset.forName("windows-1251"));

        ApiClient.Reply reply = manager.post("/api/v1/dnc/imports?region=RU&campaignId=" + campaign, "text/csv", csv);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().get("added").asLong()).isEqualTo(2);
        assertThat(reply.json().get("alreadyPresent").asLong()).isEqualTo(1);
        assertThat(reply.json().get("invalid")).hasSize(1);
        assertThat(reply.json().at("/invalid/0/line").asLong()).isEqualTo(4);
        assertThat(reply.json().at("/invalid/0/value").asText()).isEqualTo("нет номера");
        assertThat(state(contact)).isEqualTo("DNC");
        assertThat(blocked("/api/v1/dnc/check?number=%2B73832001123&campaignId=" + campaign)).isTrue();
    }

    @Test
    void onlyAdminsAndManagersChangeTheListAndSupervisorsReadIt() {
        String body = "{\"number\":\"+74957009999\"}";
        assertThat(agent.postJson("/api/v1/dnc", body).status()).isEqualTo(403);
        assertThat(agent.get("/api/v1/dnc").status()).isEqualTo(403);
        assertThat(agent.get("/api/v1/dnc/check?number=%2B74957009999").status()).isEqualTo(403);
        assertThat(supervisor.postJson("/api/v1/dnc", body).status()).isEqualTo(403);
        assertThat(supervisor.post("/api/v1/dnc/imports", "text/csv", "+74957009999").status()).isEqualTo(403);
        assertThat(supervisor.delete("/api/v1/dnc/1").status()).isEqualTo(403);
        assertThat(supervisor.get("/api/v1/dnc").status()).isEqualTo(200);
        assertThat(APPLIANCE.anonymous().get("/api/v1/dnc").status()).isEqualTo(401);
        assertThat(APPLIANCE.anonymous().postJson("/api/v1/dnc", body).status()).isEqualTo(401);
        assertThat(APPLIANCE.admin().postJson("/api/v1/dnc", body).status()).isEqualTo(201);
    }

    private static boolean blocked(String path) {
        ApiClient.Reply reply = supervisor.get(path);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().get("blocked").asBoolean();
    }

    private static long campaign(String name) throws Exception {
        return Long.parseLong(queryOne("INSERT INTO campaigns (name, mode) VALUES (?, 'predictive') RETURNING id", name));
    }

    private static long contact(long campaign, String e164) throws Exception {
        try (Connection db = APPLIANCE.database(); Handle handle = Jdbi.open(db)) {
            ContactPartitions.ensure(handle, campaign);
        }
        return Long.parseLong(queryOne(
                "INSERT INTO contacts (campaign_id, phone_e164) VALUES (" + campaign + ", ?) RETURNING id", e164));
    }

    private static String state(long contact) throws Exception {
        return queryOne("SELECT state FROM contacts WHERE id = ?", contact);
    }

    /** The first column of the first row the statement answers, with {@code value} bound to its one parameter. */
    private static String queryOne(String sql, Object value) throws Exception {
        try (Connection db = APPLIANCE.database(); PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setObject(1, value);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as(sql).isTrue();
                return rows.getString(1);
            }
        }
    }
}
