package dialer.api.auth;

import java.security.Principal;
import java.util.Set;

import dialer.user.Role;
import jakarta.ws.rs.core.SecurityContext;

/** The JAX-RS view of an authenticated {@link Caller}. */
final class CallerSecurityContext implements SecurityContext {
    private final Caller caller;
    private final boolean secure;
    private final String scheme;

    CallerSecurityContext(Caller caller, boolean secure, String scheme) {
        this.caller = caller;
        this.secure = secure;
        this.scheme = scheme;
    }

    @Override
    public Principal getUserPrincipal() {
        return caller;
    }

    @Override
    public boolean isUserInRole(String role) {
        return Role.fromCode(role).map(found -> caller.hasAnyRole(Set.of(found))).orElse(false);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return scheme;
    }
}
