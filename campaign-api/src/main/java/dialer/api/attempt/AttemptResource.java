package dialer.api.attempt;

import java.time.Clock;
import java.util.List;

import dialer.api.auth.Allow;
import dialer.api.auth.Caller;
import dialer.api.http.BadFieldsException;
import dialer.api.http.RequestBodies;
import dialer.attempt.Disposition;
import dialer.engine.CampaignEngine;
import dialer.user.Role;
import dialer.user.User;
import dialer.user.UserService;
import dialer.validation.ConflictException;
import dialer.validation.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Calls (attempts) as agents handle them: accepting a preview, and the disposition of the call an agent is
 * wrapping up.
 */
@Path("/api/v1/attempts")
@Produces(MediaType.APPLICATION_JSON)
@Allow(roles = Role.AGENT)
@Tag(name = "agents")
public final class AttemptResource {
    private final CampaignEngine engine;
    private final UserService users;
    private final Clock clock;

    public AttemptResource(CampaignEngine engine, UserService users, Clock clock) {
        this.engine = engine;
        this.users = users;
        this.clock = clock;
    }

    @POST
    @Path("{id: [0-9]+}/disposition")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the disposition of the call the agent is wrapping up: 200 with the contact's new "
            + "state; 400 naming the field for an unknown code or a callback without its time; 409 when the "
            + "attempt is not this agent's call in wrap-up")
    public DispositionView dispose(@PathParam("id") long attemptId, DispositionRequest request,
            @Context SecurityContext security) {
        User agent = ((Caller) security.getUserPrincipal()).user().orElseThrow();
        // without a call the request is checked against the default dispositions, then refused with 409
        List<Disposition> known = engine.dispositionsOfCall(agent.id()).orElse(Disposition.DEFAULTS);
        DispositionRequest.Checked checked = RequestBodies.required(request).check(clock.instant(), this::isAgent, known);
        String code = checked.disposition().code();
        try {
            return new DispositionView(attemptId, code, engine.dispose(agent.id(), attemptId, code, checked.notes(),
                    checked.callbackAt(), checked.callbackOwner()));
        } catch (IllegalStateException e) {
            throw conflict(e, "No disposition for attempt " + attemptId + ": ");
        } catch (IllegalArgumentException e) {
            if (checked.disposition().kind() != Disposition.Kind.CALLBACK) {
                throw e;
            }
            throw new BadFieldsException(List.of(new FieldError("callbackAt", e.getMessage())));
        }
    }

    @POST
    @Path("{id: [0-9]+}/accept")
    @Operation(summary = "Preview mode: dial the contact offered to the agent (call.offered); the answered call "
            + "comes to this agent. 204; 409 when no such offer is open for the agent")
    public void accept(@PathParam("id") long attemptId, @Context SecurityContext security) {
        User agent = ((Caller) security.getUserPrincipal()).user().orElseThrow();
        try {
            engine.acceptPreview(agent.id(), attemptId);
        } catch (IllegalStateException e) {
            throw conflict(e, "Attempt " + attemptId + " cannot be dialled: ");
        }
    }

    /** 409 for the engine's refusal; one with a cause (the runner did not answer) is not the caller's doing. */
    private static RuntimeException conflict(IllegalStateException refusal, String detail) {
        return refusal.getCause() != null ? refusal : new ConflictException("id", detail + refusal.getMessage());
    }

    private boolean isAgent(long userId) {
        return users.find(userId).filter(user -> user.hasRole(Role.AGENT)).isPresent();
    }
}
