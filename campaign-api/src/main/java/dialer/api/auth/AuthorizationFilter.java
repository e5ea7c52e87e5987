package dialer.api.auth;

import java.util.Set;
import java.util.stream.Collectors;

import dialer.api.http.Problem;
import dialer.apikey.Scope;
import dialer.user.Role;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;

/** 401 for an anonymous caller, 403 for a caller whose roles or scopes do not include the route's. */
final class AuthorizationFilter implements ContainerRequestFilter {
    private final Set<Role> roles;
    private final Set<Scope> scopes;

    AuthorizationFilter(Set<Role> roles, Set<Scope> scopes) {
        this.roles = Set.copyOf(roles);
        this.scopes = Set.copyOf(scopes);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getSecurityContext().getUserPrincipal() instanceof Caller caller)) {
            request.abortWith(Unauthorized.response(request, "Credentials are required: HTTP Basic or a Bearer API key"));
            return;
        }
        if (caller.hasAnyRole(roles) || caller.hasAnyScope(scopes)) {
            return;
        }
        request.abortWith(Problem.of(Response.Status.FORBIDDEN, caller.user().isPresent()
                        ? caller.getName() + " lacks the role this route needs: one of " + codes(roles)
                        : "This API key lacks the scope this route needs: one of " + scopeCodes(), 
                "/" + request.getUriInfo().getPath()).toResponse());
    }

    private static String codes(Set<Role> roles) {
        return roles.isEmpty() ? "(none: API keys only)"
                : roles.stream().map(Role::code).sorted().collect(Collectors.joining(", "));
    }

    private String scopeCodes() {
        return scopes.isEmpty() ? "(none: people only)"
                : scopes.stream().map(Scope::code).sorted().collect(Collectors.joining(", "));
    }
}
