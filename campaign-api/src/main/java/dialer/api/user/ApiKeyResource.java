package dialer.api.user;

import java.net.URI;
import java.util.List;

import dialer.api.auth.Allow;
import dialer.api.auth.Caller;
import dialer.api.http.NoSuchResourceException;
import dialer.api.http.RequestBodies;
import dialer.apikey.ApiKeyService;
import dialer.apikey.IssuedApiKey;
import dialer.user.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** API keys for machines: a CRM, a PBX, a metrics scraper. Admins only. */
@Path("/api/v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Allow(roles = Role.ADMIN)
@Tag(name = "api-keys")
public final class ApiKeyResource {
    private final ApiKeyService apiKeys;

    public ApiKeyResource(ApiKeyService apiKeys) {
        this.apiKeys = apiKeys;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a key; the answer holds the secret, shown this once only")
    public Response create(NewApiKeyRequest request, @Context SecurityContext security) {
        NewApiKeyRequest body = RequestBodies.required(request);
        long creator = ((Caller) security.getUserPrincipal()).user().orElseThrow().id();
        IssuedApiKey issued = apiKeys.issue(body.name(), body.scopes(), creator);
        return Response.created(URI.create("/api/v1/api-keys/" + issued.key().id()))
                .entity(ApiKeyView.of(issued.key(), issued.secret()))
                .build();
    }

    @GET
    @Operation(summary = "List keys, without their secrets")
    public List<ApiKeyView> list() {
        return apiKeys.list().stream().map(key -> ApiKeyView.of(key, null)).toList();
    }

    @DELETE
    @Path("{id: [0-9]+}")
    @Operation(summary = "Revoke a key; it stops working at once")
    public Response revoke(@PathParam("id") long id) {
        apiKeys.revoke(id).orElseThrow(() -> new NoSuchResourceException("No API key with id " + id));
        return Response.noContent().build();
    }
}
