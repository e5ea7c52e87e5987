package dialer.api.missed;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import dialer.api.auth.Allow;
import dialer.api.http.BadFieldsException;
import dialer.api.http.NoSuchResourceException;
import dialer.api.http.RequestBodies;
import dialer.apikey.Scope;
import dialer.missed.MissedCallInput;
import dialer.missed.MissedCallIntake;
import dialer.missed.MissedCallPage;
import dialer.missed.MissedCalls;
import dialer.user.Role;
import dialer.validation.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Missed inbound calls, reported by a PBX or CRM: each opens a callback, or counts on the caller's open one.
 * A bad report is a 400 naming each bad field, as issue 8 asks (the rest of the API answers 422).
 */
@Path("/api/v1/missed-calls")
@Produces(MediaType.APPLICATION_JSON)
@Allow(roles = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR})
@Tag(name = "missed calls")
public final class MissedCallResource {
    private final MissedCallIntake intake;
    private final MissedCalls missedCalls;

    public MissedCallResource(MissedCallIntake intake, MissedCalls missedCalls) {
        this.intake = intake;
        this.missedCalls = missedCalls;
    }

    /** A page of missed calls; {@code next} is absent on the last page. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PageReply(List<MissedCallView> items, Long next) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(roles = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR}, scopes = Scope.MISSED_CALLS_WRITE)
    @Operation(summary = "Report a missed call: 201 with the callback it opened (a contact in the campaign of the "
            + "number's DID group, or the default group's), or 200 with the caller's open callback it counted on")
    public Response report(MissedCallInput request) {
        MissedCallIntake.Recorded recorded;
        try {
            recorded = intake.record(RequestBodies.required(request));
        } catch (InvalidInputException e) {
            throw new BadFieldsException(e.errors());
        }
        MissedCallView view = MissedCallView.of(recorded.missedCall());
        return recorded.opened()
                ? Response.created(URI.create("/api/v1/missed-calls/" + view.id())).entity(view).build()
                : Response.ok(view).build();
    }

    @GET
    @Operation(summary = "Page through missed calls in id order, by state (open, resolved-by-customer); "
            + "pass 'next' as 'after' for the next page")
    public PageReply page(@QueryParam("state") String state, @QueryParam("limit") @DefaultValue("100") int limit,
            @QueryParam("after") Long after) {
        MissedCallPage page = missedCalls.page(Optional.ofNullable(state), limit, Optional.ofNullable(after));
        return new PageReply(page.items().stream().map(MissedCallView::of).toList(), page.next().orElse(null));
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(summary = "One missed call (a caller's callback)")
    public MissedCallView get(@PathParam("id") long id) {
        return missedCalls.find(id).map(MissedCallView::of)
                .orElseThrow(() -> new NoSuchResourceException("No missed call with id " + id));
    }
}
