package dialer.api.user;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dialer.apikey.ApiKey;
import dialer.apikey.Scope;

/**
 * An API key as the API shows it. {@code key} (the secret) is present only in the answer that creates
 * the key; it cannot be read again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyView(long id, String name, String prefix, List<String> scopes, Long createdBy,
        Instant createdAt, Instant lastUsedAt, Instant revokedAt, String key) {
    static ApiKeyView of(ApiKey key, String secret) {
        return new ApiKeyView(key.id(), key.name(), key.prefix(),
                key.scopes().stream().sorted().map(Scope::code).toList(), key.createdBy().orElse(null),
                key.createdAt(), key.lastUsedAt().orElse(null), key.revokedAt().orElse(null), secret);
    }
}
