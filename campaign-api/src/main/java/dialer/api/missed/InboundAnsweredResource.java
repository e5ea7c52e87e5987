package dialer.api.missed;

import dialer.api.auth.Allow;
import dialer.api.http.BadFieldsException;
import dialer.api.http.RequestBodies;
import dialer.apikey.Scope;
import dialer.missed.InboundAnswerInput;
import dialer.missed.MissedCallIntake;
import dialer.user.Role;
import dialer.validation.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Answered inbound calls, reported by a PBX or CRM: the caller's open callback is resolved by the customer. */
@Path("/api/v1/inbound-answered")
@Produces(MediaType.APPLICATION_JSON)
@Allow(roles = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR}, scopes = Scope.MISSED_CALLS_WRITE)
@Tag(name = "missed calls")
public final class InboundAnsweredResource {
    private final MissedCallIntake intake;

    public InboundAnsweredResource(MissedCallIntake intake) {
        this.intake = intake;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report an answered inbound call: 200 with the caller's callback, closed as resolved-by-customer "
            + "(its contact cancelled unless being dialled) or still open when a missed call came after the answer; "
            + "204 when the caller has no open callback; 400 naming each bad field")
    public Response answered(InboundAnswerInput request) {
        try {
            return intake.resolveByCustomer(RequestBodies.required(request))
                    .map(call -> Response.ok(MissedCallView.of(call)).build())
                    .orElseGet(() -> Response.noContent().build());
        } catch (InvalidInputException e) {
            throw new BadFieldsException(e.errors());
        }
    }
}
