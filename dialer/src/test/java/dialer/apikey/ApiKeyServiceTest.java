package dialer.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import dialer.testing.TestDatabase;
import dialer.user.PasswordHasher;
import dialer.user.UserService;
import dialer.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApiKeyServiceTest {
    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private final ApiKeyService keys = new ApiKeyService(DB.jdbi());

    private long adminId() {
        UserService users = new UserService(DB.jdbi(), new PasswordHasher());
        return users.list().stream().findFirst()
                .orElseGet(() -> users.create("key.owner", "password-1", List.of("admin"))).id();
    }

    @Test
    void storesNeitherTheSecretNorAnythingThatContainsIt() {
        IssuedApiKey issued = keys.issue("crm", List.of("metrics:read"), adminId());

        Map<String, Object> row = DB.jdbi().withHandle(h -> h.createQuery("SELECT * FROM api_keys WHERE id = :id")
                .bind("id", issued.key().id()).mapToMap().one());
        assertThat(issued.secret()).startsWith("dk_").hasSizeGreaterThan(40);
        assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value)).isNotEqualTo(issued.secret()));
        assertThat((String) row.get("key_hash")).hasSize(64).doesNotContain(issued.secret().substring(3, 20));
        assertThat(issued.key().prefix()).isEqualTo(issued.secret().substring(0, 10));
    }

    @Test
    void authenticatesUntilRevoked() {
        IssuedApiKey issued = keys.issue("scraper", List.of("metrics:read"), adminId());

        assertThat(keys.authenticate(issued.secret())).map(ApiKey::id).contains(issued.key().id());
        assertThat(keys.authenticate(issued.secret()).orElseThrow().allows(Scope.METRICS_READ)).isTrue();
        assertThat(keys.authenticate(issued.secret() + "x")).isEmpty();

        assertThat(keys.revoke(issued.key().id()).orElseThrow().revokedAt()).isPresent();
        assertThat(keys.authenticate(issued.secret())).isEmpty();
    }

    @Test
    void namesTheUnknownScope() {
        assertThatThrownBy(() -> keys.issue(" ", List.of("metrics:read", "everything"), adminId()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("name: is required; scopes[1]: unknown scope 'everything'; known: metrics:read, contacts:write, missed-calls:write");
    }
}
