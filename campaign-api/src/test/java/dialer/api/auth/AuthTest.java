package dialer.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;

import com.fasterxml.jackson.databind.JsonNode;
import dialer.api.testing.ApiClient;
import dialer.api.testing.RunningAppliance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Authentication and roles over the real server. */
class AuthTest {
    @RegisterExtension
    static final RunningAppliance APPLIANCE = new RunningAppliance();

    @Test
    void onlyHealthAnswersWithoutCredentials() {
        ApiClient anonymous = APPLIANCE.anonymous();

        assertThat(anonymous.get("/healthz").status()).isEqualTo(200);
        for (String path : new String[] {"/api/v1/users", "/api/v1/api-keys", "/metrics", "/openapi.json"}) {
            ApiClient.Reply reply = anonymous.get(path);
            assertThat(reply.status()).as(path).isEqualTo(401);
            assertThat(reply.contentType()).as(path).startsWith("application/problem+json");
            assertThat(reply.response().headers().allValues("WWW-Authenticate"))
                    .anyMatch(value -> value.startsWith("Basic"))
                    .anyMatch(value -> value.startsWith("Bearer"));
        }
    }

    @Test
    void wrongCredentialsAre401() {
        assertThat(APPLIANCE.anonymous().asUser("admin", "not-the-password").get("/api/v1/users").status())
                .isEqualTo(401);
        assertThat(APPLIANCE.anonymous().asUser("nobody", "whatever").get("/api/v1/users").status()).isEqualTo(401);
        assertThat(APPLIANCE.anonymous().withApiKey("dk_forged").get("/metrics").status()).isEqualTo(401);
        assertThat(APPLIANCE.anonymous().withAuthorization("Digest username=admin").get("/metrics").status())
                .isEqualTo(401);
        assertThat(APPLIANCE.anonymous().withAuthorization("Basic !!!notbase64").get("/metrics").status())
                .isEqualTo(401);
    }

    @Test
    void rolesDecideWhoMayCreateUsers() throws Exception {
        ApiClient admin = APPLIANCE.admin();
        ApiClient.Reply created = admin.postJson("/api/v1/users",
                "{\"username\":\"agent.smith\",\"password\":\"agent-password\",\"roles\":[\"agent\"]}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.response().headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/v1/users/" + created.json().get("id").asLong()));
        assertThat(created.json().has("password")).isFalse();

        ApiClient agent = APPLIANCE.anonymous().asUser("agent.smith", "agent-password");
        ApiClient.Reply forbidden = agent.postJson("/api/v1/users",
                "{\"username\":\"agent.jones\",\"password\":\"agent-password\",\"roles\":[\"admin\"]}");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
        assertThat(forbidden.json().get("detail").asText()).contains("agent.smith", "admin");
        assertThat(agent.get("/api/v1/users").status()).isEqualTo(403);
        assertThat(agent.get("/api/v1/users/me").json().get("username").asText()).isEqualTo("agent.smith");
        assertThat(admin.get("/api/v1/users").json()).extracting(user -> user.get("username").asText())
                .contains("admin", "agent.smith").doesNotContain("agent.jones");

        try (Connection db = APPLIANCE.database();
             PreparedStatement query = db.prepareStatement("SELECT password_hash FROM users WHERE username = ?")) {
            query.setString(1, "agent.smith");
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).startsWith("$2a$").doesNotContain("agent-password");
            }
        }
    }

    @Test
    void apiKeysWorkOnlyWithinTheirScopesAndUntilRevoked() throws Exception {
        ApiClient admin = APPLIANCE.admin();
        ApiClient.Reply created = admin.postJson("/api/v1/api-keys",
                "{\"name\":\"prometheus\",\"scopes\":[\"metrics:read\"]}");
        assertThat(created.status()).isEqualTo(201);
        String key = created.json().get("key").asText();
        long id = created.json().get("id").asLong();

        ApiClient machine = APPLIANCE.anonymous().withApiKey(key);
        assertThat(machine.get("/metrics").status()).isEqualTo(200);
        assertThat(machine.get("/api/v1/users").status()).isEqualTo(403);
        assertThat(machine.postJson("/api/v1/api-keys", "{\"name\":\"x\",\"scopes\":[\"metrics:read\"]}").status())
                .isEqualTo(403);

        JsonNode listed = admin.get("/api/v1/api-keys").json();
        assertThat(listed.toString()).doesNotContain(key);
        assertThat(listed).anySatisfy(entry -> assertThat(entry.get("prefix").asText()).isEqualTo(key.substring(0, 10)));

        try (Connection db = APPLIANCE.database();
             PreparedStatement query = db.prepareStatement("SELECT * FROM api_keys WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                ResultSetMetaData columns = row.getMetaData();
                for (int column = 1; column <= columns.getColumnCount(); column++) {
                    assertThat(String.valueOf(row.getObject(column))).as(columns.getColumnName(column))
                            .doesNotContain(key.substring(10));
                }
                assertThat(row.getString("key_hash")).hasSize(64);
            }
        }

        assertThat(admin.delete("/api/v1/api-keys/" + id).status()).isEqualTo(204);
        assertThat(machine.get("/metrics").status()).isEqualTo(401);
        assertThat(admin.delete("/api/v1/api-keys/999999").status()).isEqualTo(404);
    }
}
