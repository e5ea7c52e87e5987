package dialer.api.campaign;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

import com.fasterxml.jackson.databind.JsonNode;
import dialer.api.auth.Allow;
import dialer.api.http.MergePatch;
import dialer.api.http.NoSuchResourceException;
import dialer.api.http.RequestBodies;
import dialer.campaign.Campaign;
import dialer.campaign.CampaignInput;
import dialer.campaign.CampaignService;
import dialer.engine.CampaignEngine;
import dialer.user.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Campaigns and their dialling rules. Managers and admins change them, and start, pause and stop them
 * (draft -> running <-> paused -> stopped; a running campaign with every contact done becomes completed);
 * supervisors may read them.
 */
@Path("/api/v1/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Allow(roles = {Role.ADMIN, Role.MANAGER})
@Tag(name = "campaigns")
public final class CampaignResource {
    private final CampaignService campaigns;
    private final CampaignEngine engine;

    public CampaignResource(CampaignService campaigns, CampaignEngine engine) {
        this.campaigns = campaigns;
        this.engine = engine;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a campaign in state draft; absent settings take their defaults")
    public Response create(CampaignInput request) {
        Campaign campaign = campaigns.create(RequestBodies.required(request));
        return Response.created(URI.create("/api/v1/campaigns/" + campaign.id()))
                .entity(CampaignView.of(campaign)).build();
    }

    @GET
    @Allow(roles = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR})
    @Operation(summary = "List campaigns")
    public List<CampaignView> list() {
        return campaigns.list().stream().map(CampaignView::of).toList();
    }

    @GET
    @Path("{id: [0-9]+}")
    @Allow(roles = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR})
    @Operation(summary = "Get one campaign")
    public CampaignView get(@PathParam("id") long id) {
        return campaigns.find(id).map(CampaignView::of).orElseThrow(() -> noSuchCampaign(id));
    }

    @PATCH
    @Path("{id: [0-9]+}")
    @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
    @Operation(summary = "Change a campaign by JSON merge patch: only the fields sent change, null resets a "
            + "field to its default; the result is checked as a whole")
    public CampaignView update(@PathParam("id") long id, @RequestBody(content = @Content(
            schema = @Schema(implementation = CampaignInput.class))) JsonNode body) {
        MergePatch patch = MergePatch.of(body);
        return campaigns.update(id, current -> patch.applyTo(current, CampaignInput.class))
                .map(CampaignView::of).orElseThrow(() -> noSuchCampaign(id));
    }

    @DELETE
    @Path("{id: [0-9]+}")
    @Operation(summary = "Delete a campaign with its contacts; refused while it is running")
    public Response delete(@PathParam("id") long id) {
        if (!campaigns.delete(id)) {
            throw noSuchCampaign(id);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("{id: [0-9]+}/start")
    @Operation(summary = "Start a draft campaign or resume a paused one: it dials from its next dial loop; "
            + "409 when it is stopped or completed")
    public CampaignView start(@PathParam("id") long id) {
        return transition(id, engine::start);
    }

    @POST
    @Path("{id: [0-9]+}/pause")
    @Operation(summary = "Pause a running campaign: no new call, the calls up go on to their end; 409 unless running")
    public CampaignView pause(@PathParam("id") long id) {
        return transition(id, engine::pause);
    }

    @POST
    @Path("{id: [0-9]+}/stop")
    @Operation(summary = "Stop a campaign for good: no new call, the calls up go on to their end; "
            + "409 when it is completed")
    public CampaignView stop(@PathParam("id") long id) {
        return transition(id, engine::stop);
    }

    private static CampaignView transition(long id, LongFunction<Optional<Campaign>> change) {
        return change.apply(id).map(CampaignView::of).orElseThrow(() -> noSuchCampaign(id));
    }

    private static NoSuchResourceException noSuchCampaign(long id) {
        return new NoSuchResourceException("No campaign with id " + id);
    }
}
