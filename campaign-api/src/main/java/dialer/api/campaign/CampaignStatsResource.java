package dialer.api.campaign;

import java.time.Clock;

import dialer.api.auth.Allow;
import dialer.api.http.NoSuchResourceException;
import dialer.campaign.Campaign;
import dialer.campaign.CampaignService;
import dialer.engine.CampaignEngine;
import dialer.user.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A campaign's figures, live and stored, for its managers and the supervisors watching it. */
@Path("/api/v1/campaigns/{id: [0-9]+}/stats")
@Produces(MediaType.APPLICATION_JSON)
@Allow(roles = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR})
@Tag(name = "campaigns")
public final class CampaignStatsResource {
    private final CampaignService campaigns;
    private final CampaignEngine engine;
    private final Clock clock;

    public CampaignStatsResource(CampaignService campaigns, CampaignEngine engine, Clock clock) {
        this.campaigns = campaigns;
        this.engine = engine;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Calls in flight, agents by state, occupancy and pacing ratio on this node; dials, live "
            + "answers, abandoned calls, abandonment rates over 24 h and 30 days, contacts by state, compliance skips")
    public CampaignStatsView stats(@PathParam("id") long id) {
        Campaign campaign = campaigns.find(id)
                .orElseThrow(() -> new NoSuchResourceException("No campaign with id " + id));
        return CampaignStatsView.of(campaign, engine.live(id), engine.stats().report(id, clock.instant()));
    }
}
