package dialer.api.auth;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;

import dialer.apikey.ApiKey;
import dialer.apikey.Scope;
import dialer.user.Role;
import dialer.user.User;

/** Who made a request: a signed-in person or a machine with an API key. */
public final class Caller implements Principal {
    private final User user;
    private final ApiKey apiKey;

    private Caller(User user, ApiKey apiKey) {
        this.user = user;
        this.apiKey = apiKey;
    }

    public static Caller of(User user) {
        return new Caller(user, null);
    }

    public static Caller of(ApiKey apiKey) {
        return new Caller(null, apiKey);
    }

    /** The person, when the caller is one. */
    public Optional<User> user() {
        return Optional.ofNullable(user);
    }

    /** Whether a person holding one of {@code roles} made the request. */
    public boolean hasAnyRole(Set<Role> roles) {
        return user != null && roles.stream().anyMatch(user::hasRole);
    }

    /** Whether an API key with one of {@code scopes} made the request. */
    public boolean hasAnyScope(Set<Scope> scopes) {
        return apiKey != null && scopes.stream().anyMatch(apiKey::allows);
    }

    @Override
    public String getName() {
        return user != null ? user.username() : "api-key:" + apiKey.name();
    }
}
