package dialer.api.missed;

import java.net.URI;
import java.util.List;

import dialer.api.auth.Allow;
import dialer.api.http.NoSuchResourceException;
import dialer.api.http.RequestBodies;
import dialer.missed.DidGroup;
import dialer.missed.DidGroupInput;
import dialer.missed.DidGroupService;
import dialer.user.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** DID groups: called numbers whose missed calls one callback campaign calls back. */
@Path("/api/v1/did-groups")
@Produces(MediaType.APPLICATION_JSON)
@Allow(roles = {Role.ADMIN, Role.MANAGER})
@Tag(name = "missed calls")
public final class DidGroupResource {
    private final DidGroupService groups;

    public DidGroupResource(DidGroupService groups) {
        this.groups = groups;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a DID group and its callback campaign (auto: progressive, manual: preview), started at once; "
            + "422 naming each bad field, 409 when the name or a number is another group's")
    public Response create(DidGroupInput request) {
        DidGroup group = groups.create(RequestBodies.required(request));
        return Response.created(URI.create("/api/v1/did-groups/" + group.id())).entity(DidGroupView.of(group)).build();
    }

    @GET
    @Operation(summary = "List DID groups, the default one included")
    public List<DidGroupView> list() {
        return groups.list().stream().map(DidGroupView::of).toList();
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(summary = "Get one DID group")
    public DidGroupView get(@PathParam("id") long id) {
        return groups.find(id).map(DidGroupView::of)
                .orElseThrow(() -> new NoSuchResourceException("No DID group with id " + id));
    }
}
