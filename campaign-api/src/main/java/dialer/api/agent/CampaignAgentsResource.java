package dialer.api.agent;

import java.util.List;

import dialer.agent.AgentSkill;
import dialer.agent.Assignment;
import dialer.agent.CampaignAgents;
import dialer.api.auth.Allow;
import dialer.api.http.NoSuchResourceException;
import dialer.api.http.RequestBodies;
import dialer.user.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The agents who take a campaign's calls, with their skill levels. Managers and admins set them; supervisors read. */
@Path("/api/v1/campaigns/{id: [0-9]+}/agents")
@Produces(MediaType.APPLICATION_JSON)
@Allow(roles = {Role.ADMIN, Role.MANAGER})
@Tag(name = "agents")
public final class CampaignAgentsResource {
    private final CampaignAgents agents;

    public CampaignAgentsResource(CampaignAgents agents) {
        this.agents = agents;
    }

    @GET
    @Allow(roles = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR})
    @Operation(summary = "The campaign's agents with their skill levels, by user id")
    public List<AssignmentView> list(@PathParam("id") long campaignId) {
        return views(agents.list(campaignId).orElseThrow(() -> noSuchCampaign(campaignId)));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the campaign's agents: [{\"userId\", \"skillLevel\" 1-10}], users with the agent "
            + "role; those not named are taken off the campaign. Logged-in agents take the change at once")
    public List<AssignmentView> replace(@PathParam("id") long campaignId, List<AgentSkill> request) {
        return views(agents.replace(campaignId, RequestBodies.required(request))
                .orElseThrow(() -> noSuchCampaign(campaignId)));
    }

    private static List<AssignmentView> views(List<Assignment> assignments) {
        return assignments.stream().map(AssignmentView::of).toList();
    }

    private static NoSuchResourceException noSuchCampaign(long id) {
        return new NoSuchResourceException("No campaign with id " + id);
    }
}
