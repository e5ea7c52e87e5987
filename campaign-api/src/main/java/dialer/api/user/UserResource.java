package dialer.api.user;

import java.net.URI;
import java.util.List;

import dialer.api.auth.Allow;
import dialer.api.auth.Caller;
import dialer.api.http.NoSuchResourceException;
import dialer.api.http.RequestBodies;
import dialer.user.Role;
import dialer.user.User;
import dialer.user.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** People's accounts. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "users")
public final class UserResource {
    private final UserService users;

    public UserResource(UserService users) {
        this.users = users;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(roles = Role.ADMIN)
    @Operation(summary = "Create a user with roles admin, manager, supervisor or agent")
    public Response create(NewUserRequest request) {
        NewUserRequest body = RequestBodies.required(request);
        User user = users.create(body.username(), body.password(), body.roles());
        return Response.created(URI.create("/api/v1/users/" + user.id())).entity(UserView.of(user)).build();
    }

    @GET
    @Allow(roles = {Role.ADMIN, Role.SUPERVISOR})
    @Operation(summary = "List users")
    public List<UserView> list() {
        return users.list().stream().map(UserView::of).toList();
    }

    @GET
    @Path("{id: [0-9]+}")
    @Allow(roles = {Role.ADMIN, Role.SUPERVISOR})
    @Operation(summary = "Get one user")
    public UserView get(@PathParam("id") long id) {
        return users.find(id).map(UserView::of)
                .orElseThrow(() -> new NoSuchResourceException("No user with id " + id));
    }

    @GET
    @Path("me")
    @Allow(roles = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR, Role.AGENT})
    @Operation(summary = "The signed-in user")
    public UserView me(@Context SecurityContext security) {
        return ((Caller) security.getUserPrincipal()).user().map(UserView::of).orElseThrow();
    }
}
