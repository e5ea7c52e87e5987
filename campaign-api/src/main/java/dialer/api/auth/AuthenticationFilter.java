package dialer.api.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import dialer.apikey.ApiKeyService;
import dialer.user.UserService;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Reads {@code Authorization: Basic} (a person) or {@code Authorization: Bearer} (an API key). Wrong
 * credentials are refused at once with 401; no credentials leave the request anonymous, for
 * {@link AuthorizationFeature} to judge.
 */
@Priority(Priorities.AUTHENTICATION)
public final class AuthenticationFilter implements ContainerRequestFilter {
    private static final String BASIC = "Basic ";
    private static final String BEARER = "Bearer ";

    private final UserService users;
    private final ApiKeyService apiKeys;

    public AuthenticationFilter(UserService users, ApiKeyService apiKeys) {
        this.users = users;
        this.apiKeys = apiKeys;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return;
        }
        Optional<Caller> caller;
        String scheme;
        if (startsWithIgnoringCase(header, BASIC)) {
            scheme = SecurityContext.BASIC_AUTH;
            caller = basic(header.substring(BASIC.length()).strip());
        } else if (startsWithIgnoringCase(header, BEARER)) {
            scheme = "Bearer";
            caller = apiKeys.authenticate(header.substring(BEARER.length()).strip()).map(Caller::of);
        } else {
            request.abortWith(Unauthorized.response(request, "Unsupported authorization scheme; use Basic or Bearer"));
            return;
        }
        if (caller.isEmpty()) {
            request.abortWith(Unauthorized.response(request, SecurityContext.BASIC_AUTH.equals(scheme)
                    ? "Wrong username or password" : "Unknown or revoked API key"));
            return;
        }
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new CallerSecurityContext(caller.get(), secure, scheme));
    }

    private Optional<Caller> basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return users.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1)).map(Caller::of);
    }

    private static boolean startsWithIgnoringCase(String value, String prefix) {
        return value.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
