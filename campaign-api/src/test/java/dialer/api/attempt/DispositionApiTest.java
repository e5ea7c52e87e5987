package dialer.api.attempt;

import static dialer.api.testing.EngineFixtures.as;
import static dialer.api.testing.EngineFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dialer.api.testing.ApiClient;
import dialer.api.testing.RunningAppliance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Dispositions refused over real HTTP: 400 naming the field, 409 for a call the agent is not wrapping up. */
class DispositionApiTest {
    @RegisterExtension
    static final RunningAppliance APPLIANCE = new RunningAppliance();
    private static final String PATH = "/api/v1/attempts/1/disposition";
    private static long otherAgent;
    private static long supervisorId;

    @BeforeAll
    static void people() {
        user(APPLIANCE, "dispose.olga", "agent");
        otherAgent = user(APPLIANCE, "dispose.pavel", "agent");
        supervisorId = user(APPLIANCE, "dispose.supervisor", "supervisor");
    }

    @Test
    void aDispositionTheEngineCannotTakeIs400NamingTheField() {
        ApiClient agent = as(APPLIANCE, "dispose.olga");
        String tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).toString();

        assertBadRequest(agent.postJson(PATH, "{\"code\":\"maybe\"}"), "code");
        assertThat(agent.postJson(PATH, "{\"code\":\"maybe\"}").json().get("detail").asText())
                .contains("unknown disposition 'maybe'", "sale", "callback", "do-not-call");
        assertBadRequest(agent.postJson(PATH, "{\"notes\":\"no code\"}"), "code");
        assertBadRequest(agent.postJson(PATH, "{\"code\":\"callback\"}"), "callbackAt");
        assertBadRequest(agent.postJson(PATH, "{\"code\":\"callback\",\"callbackAt\":\"tomorrow at ten\"}"), "callbackAt");
        assertBadRequest(agent.postJson(PATH, "{\"code\":\"callback\",\"callbackAt\":\"2020-01-01T10:00:00+03:00\"}"),
                "callbackAt");
        assertBadRequest(agent.postJson(PATH, "{\"code\":\"callback\",\"callbackAt\":\"" + tomorrow + "\",\"callbackOwner\":"
                + supervisorId + "}"), "callbackOwner");
        assertBadRequest(agent.postJson(PATH, "{\"code\":\"sale\",\"callbackAt\":\"" + tomorrow + "\"}"), "callbackAt");
        assertBadRequest(agent.postJson(PATH, "{\"code\":\"nope\",\"callbackOwner\":987654}"), "code", "callbackOwner");
        assertBadRequest(agent.postJson(PATH, "{\"code\":\"sale\",\"notes\":\"" + "x".repeat(4001) + "\"}"), "notes");
    }

    @Test
    void aDispositionForACallTheAgentIsNotWrappingUpIs409() {
        ApiClient agent = as(APPLIANCE, "dispose.olga");
        String tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).toString();

        assertConflict(agent.postJson(PATH, "{\"code\":\"sale\"}"));
        assertThat(agent.postJson("/api/v1/agents/me/login", "{\"phoneUri\":\"sip:4001@127.0.0.1\"}").status()).isEqualTo(200);
        try {
            assertConflict(agent.postJson(PATH, "{\"code\":\"sale\",\"notes\":\"happy\"}"));
            assertConflict(agent.postJson("/api/v1/attempts/987654/disposition", "{\"code\":\"callback\",\"callbackAt\":\""
                    + tomorrow + "\",\"callbackOwner\":" + otherAgent + "}"));
        } finally {
            agent.postJson("/api/v1/agents/me/logout", "");
        }
    }

    @Test
    void onlyAgentsSetDispositions() {
        assertThat(APPLIANCE.anonymous().postJson(PATH, "{\"code\":\"sale\"}").status()).isEqualTo(401);
        assertThat(as(APPLIANCE, "dispose.supervisor").postJson(PATH, "{\"code\":\"sale\"}").status()).isEqualTo(403);
        assertThat(APPLIANCE.admin().postJson(PATH, "{\"code\":\"sale\"}").status()).isEqualTo(403);
    }

    private static void assertBadRequest(ApiClient.Reply reply, String... fields) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("field").asText()).isEqualTo(fields[0]);
        assertThat(reply.json().get("errors")).extracting(error -> error.get("field").asText()).containsExactly(fields);
    }

    private static void assertConflict(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("field").asText()).isEqualTo("id");
    }
}
