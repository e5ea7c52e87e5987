package dialer.user;

import java.time.Instant;
import java.util.Set;

/** A person who signs in to the appliance. The password hash never leaves {@link UserService}. */
public record User(long id, String username, Set<Role> roles, Instant createdAt) {
    public User {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
