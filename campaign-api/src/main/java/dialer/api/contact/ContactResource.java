package dialer.api.contact;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import dialer.api.auth.Allow;
import dialer.api.http.NoSuchResourceException;
import dialer.api.http.RequestBodies;
import dialer.apikey.Scope;
import dialer.contact.Contact;
import dialer.contact.ContactPage;
import dialer.contact.ContactService;
import dialer.contact.intake.ContactPushService;
import dialer.contact.intake.IntakeTarget;
import dialer.contact.intake.PushResult;
import dialer.user.Role;
import dialer.validation.FieldError;
import dialer.validation.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** A campaign's contacts: pushed by a CRM, paged through, read and cancelled one by one. */
@Path("/api/v1/campaigns/{campaignId: [0-9]+}/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Allow(roles = {Role.ADMIN, Role.MANAGER}, scopes = Scope.CONTACTS_WRITE)
@Tag(name = "contacts")
public final class ContactResource {
    private final ContactPushService push;
    private final ContactService contacts;
    private final CampaignTargets campaigns;

    public ContactResource(ContactPushService push, ContactService contacts, CampaignTargets campaigns) {
        this.push = push;
        this.contacts = contacts;
        this.campaigns = campaigns;
    }

    /** The answer to a push. */
    public record PushReply(long accepted, long rejected, List<PushResultView> results) {
    }

    /** A page of contacts; {@code next} is absent on the last page. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PageReply(List<ContactView> items, Long next) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Push up to 10,000 contacts, upserted by externalId; each gets accepted or a reject reason")
    public PushReply push(@PathParam("campaignId") long campaignId, List<PushedContact> request) {
        List<PushedContact> body = RequestBodies.required(request);
        if (body.size() > ContactPushService.MAX_BATCH) {
            throw new InvalidInputException(List.of(new FieldError("body",
                    body.size() + " contacts; at most " + ContactPushService.MAX_BATCH + " per push")));
        }
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i) == null) {
                throw new InvalidInputException(List.of(new FieldError("[" + i + "]", "must be a contact object")));
            }
        }
        IntakeTarget target = campaigns.of(campaignId);
        List<PushResult> results = push.push(target, body.stream().map(PushedContact::toFields).toList());
        List<PushResultView> views = new ArrayList<>(results.size());
        for (PushResult result : results) {
            views.add(PushResultView.of(result, body.get(result.index()).externalId()));
        }
        long accepted = results.stream().filter(PushResult::accepted).count();
        return new PushReply(accepted, results.size() - accepted, views);
    }

    @GET
    @Allow(roles = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR}, scopes = Scope.CONTACTS_WRITE)
    @Operation(summary = "Page through the campaign's contacts in id order; pass 'next' as 'after' for the next page")
    public PageReply page(@PathParam("campaignId") long campaignId, @QueryParam("state") String state,
            @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("after") Long after) {
        campaigns.of(campaignId);
        ContactPage page = contacts.page(campaignId, Optional.ofNullable(state), limit, Optional.ofNullable(after));
        return new PageReply(page.items().stream().map(ContactView::of).toList(), page.next().orElse(null));
    }

    @GET
    @Path("{externalId}")
    @Allow(roles = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR}, scopes = Scope.CONTACTS_WRITE)
    @Operation(summary = "One contact by the CRM's key")
    public ContactView get(@PathParam("campaignId") long campaignId, @PathParam("externalId") String externalId) {
        return contacts.findByExternalId(campaignId, externalId).map(ContactView::of)
                .orElseThrow(() -> missing(campaignId, externalId));
    }

    @PATCH
    @Path("{externalId}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change a contact: the fields given replace the stored ones; it is screened again")
    public ContactView patch(@PathParam("campaignId") long campaignId, @PathParam("externalId") String externalId,
            ContactChanges changes) {
        ContactChanges body = RequestBodies.required(changes);
        Contact current = contacts.findByExternalId(campaignId, externalId)
                .orElseThrow(() -> missing(campaignId, externalId));
        PushResult result = push.push(campaigns.of(campaignId), List.of(body.applyTo(current))).get(0);
        if (!result.accepted()) {
            throw new InvalidInputException(List.of(new FieldError("phone",
                    result.reject().orElseThrow().code() + ": " + result.detail().orElse(""))));
        }
        return get(campaignId, externalId);
    }

    @DELETE
    @Path("{externalId}")
    @Operation(summary = "Cancel a contact not yet called; it and its history stay readable")
    public ContactView cancel(@PathParam("campaignId") long campaignId, @PathParam("externalId") String externalId) {
        return contacts.cancel(campaignId, externalId).map(ContactView::of)
                .orElseThrow(() -> missing(campaignId, externalId));
    }

    private static NoSuchResourceException missing(long campaignId, String externalId) {
        return new NoSuchResourceException("No contact with externalId '" + externalId + "' in campaign " + campaignId);
    }
}
