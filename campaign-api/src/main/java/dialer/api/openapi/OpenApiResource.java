package dialer.api.openapi;

import dialer.api.auth.Allow;
import dialer.user.Role;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /openapi.json}: the OpenAPI 3 document of every {@code /api/v1} route, for any signed-in user. */
@Path("/openapi.json")
@Allow(roles = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR, Role.AGENT})
public final class OpenApiResource {
    private final OpenApiDocument document;

    public OpenApiResource(OpenApiDocument document) {
        this.document = document;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String document() {
        return document.json();
    }
}
