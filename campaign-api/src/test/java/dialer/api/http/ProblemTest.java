package dialer.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dialer.api.testing.ApiClient;
import dialer.api.testing.RunningAppliance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every error is application/problem+json saying what is wrong and where. */
class ProblemTest {
    @RegisterExtension
    static final RunningAppliance APPLIANCE = new RunningAppliance();

    @Test
    void unknownRouteIs404() {
        ApiClient.Reply reply = APPLIANCE.admin().get("/api/v1/no-such-thing");

        assertProblem(reply, 404);
        assertThat(reply.json().get("detail").asText()).isEqualTo("No route for GET /api/v1/no-such-thing");
        assertProblem(APPLIANCE.anonymous().get("/nothing/here"), 404);
    }

    @Test
    void missingThingIs404SayingWhat() {
        ApiClient.Reply reply = APPLIANCE.admin().get("/api/v1/users/987654");

        assertProblem(reply, 404);
        assertThat(reply.json().get("detail").asText()).isEqualTo("No user with id 987654");
    }

    @Test
    void malformedJsonIs400WithLineAndColumn() {
        ApiClient.Reply reply = APPLIANCE.admin().postJson("/api/v1/users", "{\n  \"username\": \"x\",\n  oops\n}");

        assertProblem(reply, 400);
        assertThat(reply.json().get("line").asInt()).isEqualTo(3);
        assertThat(reply.json().get("column").asInt()).isEqualTo(3);
        assertThat(reply.json().get("detail").asText()).startsWith("Malformed JSON at line 3, column 3");
    }

    @Test
    void fieldsThatDoNotFitAre422NamingTheField() {
        ApiClient admin = APPLIANCE.admin();

        ApiClient.Reply unknown = admin.postJson("/api/v1/users", "{\"username\":\"a.b\",\"colour\":\"red\"}");
        assertProblem(unknown, 422);
        assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("colour");

        ApiClient.Reply wrongType = admin.postJson("/api/v1/users",
                "{\"username\":\"a.b\",\"password\":\"password-1\",\"roles\":{\"admin\":true}}");
        assertProblem(wrongType, 422);
        assertThat(wrongType.json().get("errors").get(0).get("field").asText()).isEqualTo("roles");
    }

    @Test
    void ruleBreakingInputIs422NamingEveryField() {
        ApiClient.Reply reply = APPLIANCE.admin().postJson("/api/v1/users",
                "{\"username\":\"a\",\"password\":\"short\",\"roles\":[\"agent\",\"king\"]}");

        assertProblem(reply, 422);
        JsonNode errors = reply.json().get("errors");
        assertThat(errors).extracting(error -> error.get("field").asText())
                .containsExactly("username", "password", "roles[1]");
        assertThat(errors.get(2).get("message").asText()).contains("unknown role 'king'");
    }

    @Test
    void emptyBodyIs422() {
        ApiClient.Reply reply = APPLIANCE.admin().postJson("/api/v1/users", "");

        assertProblem(reply, 422);
        assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("body");
    }

    @Test
    void takenUsernameIs409() {
        ApiClient admin = APPLIANCE.admin();
        String body = "{\"username\":\"twice.made\",\"password\":\"password-1\",\"roles\":[\"manager\"]}";
        assertThat(admin.postJson("/api/v1/users", body).status()).isEqualTo(201);

        ApiClient.Reply reply = admin.postJson("/api/v1/users", body);
        assertProblem(reply, 409);
        assertThat(reply.json().get("field").asText()).isEqualTo("username");
    }

    @Test
    void wrongMethodAndMediaTypeAreProblemsToo() {
        assertProblem(APPLIANCE.admin().delete("/api/v1/users"), 405);
        assertProblem(APPLIANCE.admin().post("/api/v1/users", "text/plain", "username=x"), 415);
    }

    static void assertProblem(ApiClient.Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
        assertThat(reply.json().get("title").asText()).isNotBlank();
        assertThat(reply.body()).doesNotContain("Exception", "\tat ");
    }
}
