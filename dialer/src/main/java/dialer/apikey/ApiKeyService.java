package dialer.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dialer.secret.Secrets;
import dialer.validation.FieldErrors;
import org.jdbi.v3.core.Jdbi;

/**
 * Issues, checks and revokes API keys. A key is {@code dk_} and 256 random bits; the database keeps
 * its SHA-256 only (a fast hash is enough for a secret of that strength, and lets a key be found by
 * its hash).
 */
public final class ApiKeyService {
    private static final String PREFIX = "dk_";
    private static final int SECRET_BYTES = 32;
    private static final int SHOWN_PREFIX_LENGTH = 10;
    private static final int MAX_NAME_LENGTH = 100;

    private final ApiKeyDao keys;

    public ApiKeyService(Jdbi jdbi) {
        this.keys = jdbi.onDemand(ApiKeyDao.class);
    }

    /**
     * Creates a key.
     *
     * @param createdBy the user who asked for it
     * @throws dialer.validation.InvalidInputException when the name is blank or a scope is unknown
     */
    public IssuedApiKey issue(String name, Collection<String> scopeCodes, long createdBy) {
        Set<Scope> scopes = validate(name, scopeCodes);
        String secret = PREFIX + Secrets.generate(SECRET_BYTES);
        long id = keys.insert(name.strip(), secret.substring(0, SHOWN_PREFIX_LENGTH), sha256(secret),
                scopes.stream().map(Scope::code).toArray(String[]::new), createdBy);
        return new IssuedApiKey(keys.findById(id).orElseThrow(), secret);
    }

    /** The active key whose secret this is, if any. */
    public Optional<ApiKey> authenticate(String secret) {
        if (!secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Optional<ApiKey> key = keys.findActiveByHash(sha256(secret));
        key.ifPresent(found -> keys.touch(found.id()));
        return key;
    }

    public List<ApiKey> list() {
        return keys.list();
    }

    /** Revokes the key; returns it, or empty when there is no such key. Revoking twice is harmless. */
    public Optional<ApiKey> revoke(long id) {
        keys.revoke(id);
        return keys.findById(id);
    }

    private static Set<Scope> validate(String name, Collection<String> scopeCodes) {
        FieldErrors errors = new FieldErrors();
        errors.check(name != null && !name.isBlank(), "name", "is required")
                .check(name == null || name.length() <= MAX_NAME_LENGTH, "name",
                        "must be at most " + MAX_NAME_LENGTH + " characters");
        List<String> codes = scopeCodes == null ? List.of() : new ArrayList<>(scopeCodes);
        errors.check(!codes.isEmpty(), "scopes", "must name at least one of " + Scope.knownCodes());
        Set<Scope> scopes = new LinkedHashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            Optional<Scope> scope = Scope.fromCode(codes.get(i));
            errors.check(scope.isPresent(), "scopes[" + i + "]",
                    "unknown scope '" + codes.get(i) + "'; known: " + Scope.knownCodes());
            scope.ifPresent(scopes::add);
        }
        errors.throwIfAny();
        return scopes;
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
