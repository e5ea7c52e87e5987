package dialer.api.agent;

import dialer.agent.AgentDesk;
import dialer.agent.PhoneUris;
import dialer.api.auth.Allow;
import dialer.api.auth.Caller;
import dialer.api.http.NoSuchResourceException;
import dialer.api.http.RequestBodies;
import dialer.user.Role;
import dialer.user.User;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/** The signed-in agent's own desk: log in with a phone, choose a state, follow events, log out. */
@Path("/api/v1/agents/me")
@Produces(MediaType.APPLICATION_JSON)
@Allow(roles = Role.AGENT)
@Tag(name = "agents")
public final class MyAgentResource {
    private final AgentDesk desk;
    private final AgentEventStreams streams;

    public MyAgentResource(AgentDesk desk, AgentEventStreams streams) {
        this.desk = desk;
        this.streams = streams;
    }

    @GET
    @Operation(summary = "The signed-in agent's state, phone and campaigns; 404 when not logged in")
    public AgentSessionView get(@Context SecurityContext security) {
        User user = user(security);
        return desk.find(user.id()).map(AgentSessionView::of).orElseThrow(() -> notLoggedIn(user));
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log in with the SIP URI of the agent's phone, which the appliance calls and keeps "
            + "connected for the agent's calls; the agent is ready")
    public AgentSessionView login(LoginRequest request, @Context SecurityContext security) {
        String phoneUri = PhoneUris.check("phoneUri", RequestBodies.required(request).phoneUri());
        User user = user(security);
        return AgentSessionView.of(desk.login(user.id(), user.username(), phoneUri));
    }

    @POST
    @Path("logout")
    @Operation(summary = "Log out and hang up the agent's phone leg; 404 when not logged in")
    public Response logout(@Context SecurityContext security) {
        User user = user(security);
        if (!desk.logout(user.id())) {
            throw notLoggedIn(user);
        }
        return Response.noContent().build();
    }

    @PUT
    @Path("state")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose ready, break (with a reason code), dnd or outbound-only; on a call or in "
            + "wrap-up it takes effect when the call is done")
    public AgentSessionView setState(StateRequest request, @Context SecurityContext security) {
        User user = user(security);
        return RequestBodies.required(request).applyTo(desk, user.id()).map(AgentSessionView::of)
                .orElseThrow(() -> notLoggedIn(user));
    }

    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Server-Sent Events for the agent's desktop until logout: call.bridged "
            + "(the contact: the screen pop), call.ended, wrapup.ended, state, phone; data as JSON")
    public void events(@Context SecurityContext security, @Context SseEventSink sink, @Context Sse sse) {
        User user = user(security);
        if (!streams.open(user.id(), sink, sse)) {
            throw notLoggedIn(user);
        }
    }

    private static User user(SecurityContext security) {
        return ((Caller) security.getUserPrincipal()).user().orElseThrow();
    }

    private static NoSuchResourceException notLoggedIn(User user) {
        return new NoSuchResourceException("Agent " + user.username() + " is not logged in on this node");
    }
}
