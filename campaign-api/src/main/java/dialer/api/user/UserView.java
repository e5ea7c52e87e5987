package dialer.api.user;

import java.time.Instant;
import java.util.List;

import dialer.user.Role;
import dialer.user.User;

/** A user as the API shows it: never with a password or its hash. */
public record UserView(long id, String username, List<String> roles, Instant createdAt) {
    static UserView of(User user) {
        return new UserView(user.id(), user.username(),
                user.roles().stream().sorted().map(Role::code).toList(), user.createdAt());
    }
}
