package dialer.api.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dialer.api.testing.ApiClient;
import dialer.api.testing.RunningAppliance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CSV uploads and CRM pushes over the real server. */
class ContactIntakeApiTest {
    @RegisterExtension
    static final RunningAppliance APPLIANCE = new RunningAppliance();
    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    @BeforeAll
    static void createManager() {
        APPLIANCE.admin().postJson("/api/v1/users",
                "{\"username\":\"intake.manager\",\"password\":\"password-1\",\"roles\":[\"manager\"]}");
    }

    private static ApiClient manager() {
        return APPLIANCE.anonymous().asUser("intake.manager", "password-1");
    }

    private static long campaign(String name) {
        ApiClient.Reply created = manager().postJson("/api/v1/campaigns", "{\"name\":\"" + name + "\",\"mode\":\"predictive\","
                + "\"defaultRegion\":\"RU\",\"fallbackTimeZone\":\"Europe/Moscow\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static JsonNode awaitImport(ApiClient client, String location) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            JsonNode status = client.get(location).json();
            if (!"running".equals(status.get("state").asText())) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import still running: " + location);
    }

    @Test
    void importsAWindows1251ExcelExportWithRussianHeaders() throws Exception {
        long campaign = campaign("Excel export");
        String csv = "Фамилия;Имя;Телефон;Мобильный;Город\r\n"
                + "Иванов;Иван;8 (495) 123-45-67;+7 916 123-45-67;Москва\r\n"
                + "Петрова;Анна;+7 383 212-34-56;;Новосибирск\r\n"
                + "Сидоров;Сидор;12-34;;Тула\r\n"
                + "Кузнецова;Ольга;;;Омск\r\n"
                + "Иванов;Иван;7 495 123 45 67;;Москва\r\n"
                + "Орлов;\"Пётр; младший\";8-343-371-00-00;;Екатеринбург\r\n";

        ApiClient.Reply accepted = manager().post("/api/v1/campaigns/" + campaign + "/imports?fileName=list.csv",
                "text/csv", csv.getBytes(WINDOWS_1251));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String location = accepted.response().headers().firstValue("Location").orElseThrow();
        JsonNode status = awaitImport(manager(), location);

        assertThat(status.get("state").asText()).isEqualTo("done");
        assertThat(status.get("rowsRead").asInt()).isEqualTo(6);
        assertThat(status.get("accepted").asInt() + status.get("rejected").asInt()).isEqualTo(6);
        assertThat(status.get("rejectsByReason").toString())
                .isEqualTo("{\"duplicate\":1,\"invalid_number\":1,\"missing_number\":1}");
        assertThat(status.has("rowsPerSecond")).isTrue();

        JsonNode contacts = manager().get("/api/v1/campaigns/" + campaign + "/contacts").json().get("items");
        assertThat(contacts).extracting(c -> c.get("phone").asText())
                .containsExactly("+74951234567", "+73832123456", "+73433710000");
        assertThat(contacts).extracting(c -> c.get("timeZone").asText())
                .containsExactly("Europe/Moscow", "Asia/Novosibirsk", "Asia/Yekaterinburg");
        assertThat(contacts.get(0).get("altPhones").get(0).asText()).isEqualTo("+79161234567");
        assertThat(contacts.get(2).get("firstName").asText()).isEqualTo("Пётр; младший");
        assertThat(contacts.get(0).at("/customFields/Город").asText()).isEqualTo("Москва");

        ApiClient.Reply rejects = manager().get(location + "/rejects");
        assertThat(rejects.contentType()).startsWith("text/csv");
        assertThat(rejects.body().lines().toList()).containsExactly(
                "line,reason,detail,Фамилия,Имя,Телефон,Мобильный,Город",
                "4,invalid_number,not a valid number for region RU: 12-34,Сидоров,Сидор,12-34,,Тула",
                "5,missing_number,no phone number,Кузнецова,Ольга,,,Омск",
                "6,duplicate,same number as line 2,Иванов,Иван,7 495 123 45 67,,Москва");
    }

    @Test
    void multipartUploadsAndExplicitMappingWork() throws Exception {
        long campaign = campaign("Multipart");
        byte[] csv = "who,cell\nAnn,8 916 765 43 21\n".getBytes(StandardCharsets.UTF_8);

        ApiClient.Reply accepted = manager().postForm("/api/v1/campaigns/" + campaign + "/imports", "file", "ann.csv", csv,
                Map.of("mapping", "{\"phone\":\"cell\",\"lastName\":\"who\"}"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        JsonNode status = awaitImport(manager(), accepted.response().headers().firstValue("Location").orElseThrow());

        assertThat(status.get("accepted").asInt()).isEqualTo(1);
        assertThat(status.get("fileName").asText()).isEqualTo("ann.csv");
        assertThat(manager().get("/api/v1/campaigns/" + campaign + "/contacts").json().at("/items/0/lastName").asText())
                .isEqualTo("Ann");
    }

    @Test
    void unusableFilesAre400WithAMessageAManagerUnderstands() {
        long campaign = campaign("Unusable files");
        String path = "/api/v1/campaigns/" + campaign + "/imports";

        assertProblem(manager().post(path, "text/csv", ""), 400, "The file is empty");
        assertProblem(manager().post(path, "text/csv", "Телефон;Имя\n"), 400, "The file has a header but no rows");
        assertProblem(manager().post(path, "text/csv", "Имя;Город\nИван;Москва\n"), 400, "No phone column");
        assertProblem(manager().post(path + "?mapping=nonsense", "text/csv", "phone\n+74951234567\n"), 422, "mapping");
        assertProblem(manager().post("/api/v1/campaigns/999999/imports", "text/csv", "phone\n+74951234567\n"), 404,
                "No campaign with id 999999");
        assertThat(APPLIANCE.dataDir().resolve("uploads").toFile().list()).isEmpty();
    }

    @Test
    void aCrmPushingTheSameBatchTwiceChangesNothing() throws Exception {
        long campaign = campaign("CRM push");
        String key = APPLIANCE.admin().postJson("/api/v1/api-keys", "{\"name\":\"crm\",\"scopes\":[\"contacts:write\"]}")
                .json().get("key").asText();
        ApiClient crm = APPLIANCE.anonymous().withApiKey(key);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            items.add("{\"externalId\":\"crm-" + i + "\",\"phone\":\"+7 916 " + (1000000 + i) + "\",\"firstName\":\"Клиент " + i
                    + "\",\"customFields\":{\"segment\":\"" + (i % 3) + "\"}}");
        }
        items.add("{\"externalId\":\"crm-bad\",\"phone\":\"000\"}");
        String batch = "[" + String.join(",", items) + "]";
        String path = "/api/v1/campaigns/" + campaign + "/contacts";

        JsonNode first = crm.postJson(path, batch).json();
        String afterFirst = crm.get(path + "?limit=1000").body();
        JsonNode second = crm.postJson(path, batch).json();

        assertThat(first.get("accepted").asInt()).isEqualTo(50);
        assertThat(first.get("rejected").asInt()).isEqualTo(1);
        assertThat(first.at("/results/50/reason").asText()).isEqualTo("invalid_number");
        assertThat(second).isEqualTo(first);
        assertThat(crm.get(path + "?limit=1000").body()).isEqualTo(afterFirst);

        JsonNode page = crm.get(path + "?limit=20").json();
        assertThat(page.get("items")).hasSize(20);
        JsonNode rest = crm.get(path + "?limit=100&after=" + page.get("next").asLong()).json();
        assertThat(rest.get("items")).hasSize(30);
        assertThat(rest.has("next")).isFalse();

        ApiClient.Reply changed = crm.patch(path + "/crm-7", "application/json", "{\"lastName\":\"Новикова\"}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("lastName").asText()).isEqualTo("Новикова");
        assertThat(changed.json().at("/customFields/segment").asText()).isEqualTo("1");

        assertThat(crm.delete(path + "/crm-8").json().get("state").asText()).isEqualTo("CANCELLED");
        assertThat(crm.get(path + "/crm-8").json().get("state").asText()).isEqualTo("CANCELLED");
        assertProblem(crm.get(path + "/nobody"), 404, "No contact with externalId 'nobody'");
        assertThat(crm.get("/api/v1/users").status()).isEqualTo(403);
    }

    @Test
    void doNotCallNumbersAreRejectedAtImportAndBlockedAfterIt() throws Exception {
        long campaign = campaign("Do not call");
        assertThat(manager().postJson("/api/v1/dnc", "{\"number\":\"+7 495 100-00-01\"}").status()).isEqualTo(201);
        assertThat(manager().postJson("/api/v1/dnc", "{\"number\":\"+7812*\",\"campaignId\":" + campaign + "}").status())
                .isEqualTo(201);
        String csv = "phone;external id\n+74951000001;a\n+78121234567;b\n+74951000002;c\n+74951000003;d\n";

        ApiClient.Reply accepted = manager().post("/api/v1/campaigns/" + campaign + "/imports", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        JsonNode status = awaitImport(manager(), accepted.response().headers().firstValue("Location").orElseThrow());

        assertThat(status.get("accepted").asInt()).isEqualTo(2);
        assertThat(status.get("rejectsByReason").toString()).isEqualTo("{\"dnc\":2}");
        String contacts = "/api/v1/campaigns/" + campaign + "/contacts/";
        assertThat(manager().get(contacts + "c").json().get("state").asText()).isEqualTo("READY");

        assertThat(manager().postJson("/api/v1/dnc", "{\"number\":\"8 495 100-00-02\",\"region\":\"RU\"}").status())
                .isEqualTo(201);

        assertThat(manager().get(contacts + "c").json().get("state").asText()).isEqualTo("DNC");
        assertThat(manager().get(contacts + "d").json().get("state").asText()).isEqualTo("READY");
        assertThat(manager().get("/api/v1/campaigns/" + campaign + "/contacts?state=READY").json().get("items"))
                .extracting(contact -> contact.get("externalId").asText()).containsExactly("d");
    }

    @Test
    void theSameListUploadedTwiceAddsNothingTheSecondTime() throws Exception {
        long campaign = campaign("Uploaded twice");
        byte[] csv = "phone;external id\n+74951000011;x-1\n+74951000012;x-2\n+74951000013;x-1\n".getBytes(StandardCharsets.UTF_8);
        String path = "/api/v1/campaigns/" + campaign + "/imports";

        JsonNode first = awaitImport(manager(), manager().post(path, "text/csv", csv).response().headers()
                .firstValue("Location").orElseThrow());
        JsonNode second = awaitImport(manager(), manager().post(path, "text/csv", csv).response().headers()
                .firstValue("Location").orElseThrow());

        assertThat(first.get("accepted").asInt()).isEqualTo(2);
        assertThat(second.get("state").asText()).isEqualTo("done");
        assertThat(second.get("accepted").asInt()).isZero();
        assertThat(second.get("rejectsByReason").toString()).isEqualTo("{\"duplicate\":3}");
    }

    @Test
    void requestsThatDoNotReadAreClientErrorsNamingWhatIsWrong() {
        long campaign = campaign("Bad requests");
        String contacts = "/api/v1/campaigns/" + campaign + "/contacts";

        assertProblem(manager().get(contacts + "?limit=abc"), 422, "limit");
        assertProblem(manager().get(contacts + "?limit=0"), 422, "limit");
        assertProblem(manager().postJson(contacts, "[null]"), 422, "[0]");
        String imports = "/api/v1/campaigns/" + campaign + "/imports?mapping=";
        assertProblem(manager().post(imports + encode("{\"phone\":null}"), "text/csv", "a;b\n1;2\n"), 400,
                "names no column");
        assertProblem(manager().post(imports + encode("{\"phone\":\"99999999999\"}"), "text/csv", "a;b\n1;2\n"), 400,
                "No column named");
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void assertProblem(ApiClient.Reply reply, int status, String detail) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body()).contains(detail);
    }
}
