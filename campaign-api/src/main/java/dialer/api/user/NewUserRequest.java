package dialer.api.user;

import java.util.List;

/** The body of {@code POST /api/v1/users}. */
public record NewUserRequest(String username, String password, List<String> roles) {
}
