package dialer.api.auth;

import java.lang.reflect.AnnotatedElement;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dialer.apikey.Scope;
import dialer.user.Role;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Puts an {@link AuthorizationFilter} in front of every resource method, from its {@link Allow} (the
 * method's, else its class's). A method of ours with neither {@link Allow} nor {@link Public} stops the
 * server from starting: a route is never open by omission. Jersey's own methods (the automatic
 * {@code OPTIONS} answers) are for any authenticated caller.
 */
public final class AuthorizationFeature implements DynamicFeature {
    private static final String OUR_PACKAGE = "dialer.";

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (isPublic(resource.getResourceMethod()) || isPublic(resource.getResourceClass())) {
            return;
        }
        if (!resource.getResourceClass().getName().startsWith(OUR_PACKAGE)) {
            context.register(new AuthorizationFilter(EnumSet.allOf(Role.class), EnumSet.allOf(Scope.class)),
                    Priorities.AUTHORIZATION);
            return;
        }
        Allow allow = resource.getResourceMethod().getAnnotation(Allow.class);
        if (allow == null) {
            allow = resource.getResourceClass().getAnnotation(Allow.class);
        }
        if (allow == null) {
            throw new IllegalStateException(resource.getResourceClass().getName() + "."
                    + resource.getResourceMethod().getName() + " has neither @Allow nor @Public");
        }
        context.register(new AuthorizationFilter(roles(allow), scopes(allow)), Priorities.AUTHORIZATION);
    }

    private static boolean isPublic(AnnotatedElement element) {
        return element.isAnnotationPresent(Public.class);
    }

    private static Set<Role> roles(Allow allow) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(List.of(allow.roles()));
        return roles;
    }

    private static Set<Scope> scopes(Allow allow) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        scopes.addAll(List.of(allow.scopes()));
        return scopes;
    }
}
