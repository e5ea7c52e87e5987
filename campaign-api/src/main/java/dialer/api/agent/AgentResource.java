package dialer.api.agent;

import java.util.List;

import dialer.agent.AgentDesk;
import dialer.api.auth.Allow;
import dialer.api.http.NoSuchResourceException;
import dialer.api.http.RequestBodies;
import dialer.user.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Every agent logged in on this node, for supervisors: see them, force a state, log one out. */
@Path("/api/v1/agents")
@Produces(MediaType.APPLICATION_JSON)
@Allow(roles = {Role.ADMIN, Role.SUPERVISOR})
@Tag(name = "agents")
public final class AgentResource {
    private final AgentDesk desk;

    public AgentResource(AgentDesk desk) {
        this.desk = desk;
    }

    @GET
    @Operation(summary = "The agents logged in on this node, with their states")
    public List<AgentSessionView> list() {
        return desk.list().stream().map(AgentSessionView::of).toList();
    }

    @GET
    @Path("{userId: [0-9]+}")
    @Operation(summary = "One logged-in agent, by its user id; 404 when not logged in")
    public AgentSessionView get(@PathParam("userId") long userId) {
        return desk.find(userId).map(AgentSessionView::of).orElseThrow(() -> notLoggedIn(userId));
    }

    @PUT
    @Path("{userId: [0-9]+}/state")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Force an agent's state, as the agent would choose it")
    public AgentSessionView setState(@PathParam("userId") long userId, StateRequest request) {
        return RequestBodies.required(request).applyTo(desk, userId).map(AgentSessionView::of)
                .orElseThrow(() -> notLoggedIn(userId));
    }

    @POST
    @Path("{userId: [0-9]+}/logout")
    @Operation(summary = "Log an agent out and hang up its phone leg")
    public Response logout(@PathParam("userId") long userId) {
        if (!desk.logout(userId)) {
            throw notLoggedIn(userId);
        }
        return Response.noContent().build();
    }

    private static NoSuchResourceException notLoggedIn(long userId) {
        return new NoSuchResourceException("No agent with user id " + userId + " is logged in on this node");
    }
}
