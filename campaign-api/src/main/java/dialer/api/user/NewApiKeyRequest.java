package dialer.api.user;

import java.util.List;

/** The body of {@code POST /api/v1/api-keys}. */
public record NewApiKeyRequest(String name, List<String> scopes) {
}
