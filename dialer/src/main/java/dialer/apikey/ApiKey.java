package dialer.apikey;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A key a machine (a CRM, a PBX, a metrics scraper) uses instead of a password. Only a hash of the
 * secret is stored; {@code prefix} is its first characters, enough for a person to tell keys apart.
 */
public record ApiKey(long id, String name, String prefix, Set<Scope> scopes, Optional<Long> createdBy,
        Instant createdAt, Optional<Instant> lastUsedAt, Optional<Instant> revokedAt) {
    public ApiKey {
        scopes = Set.copyOf(scopes);
    }

    public boolean allows(Scope scope) {
        return revokedAt.isEmpty() && scopes.contains(scope);
    }
}
