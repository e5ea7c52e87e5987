package dialer.api.dnc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.net.URI;
import java.util.Optional;

import dialer.api.auth.Allow;
import dialer.api.contact.UploadSpooler;
import dialer.api.http.NoSuchResourceException;
import dialer.api.http.RequestBodies;
import dialer.dnc.DncAddition;
import dialer.dnc.DncFilter;
import dialer.dnc.DncImportResult;
import dialer.dnc.DncKind;
import dialer.dnc.DncService;
import dialer.user.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The do-not-call list: admins and managers change it, supervisors read it too. */
@Path("/api/v1/dnc")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "dnc")
public final class DncResource {
    static final String SOURCE = "manual";
    private static final long DEFAULT_LIMIT = 100;

    private final DncService dnc;
    private final UploadSpooler spooler;

    public DncResource(DncService dnc, UploadSpooler spooler) {
        this.spooler = spooler;
        this.dnc = dnc;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(roles = {Role.ADMIN, Role.MANAGER})
    @Operation(summary = "Add a number or a prefix (+7495*), globally or to one campaign; 200 when it was listed already")
    public Response add(NewDncEntryRequest request) {
        NewDncEntryRequest body = RequestBodies.required(request);
        DncAddition addition = dnc.add(body.number(), Optional.ofNullable(body.campaignId()),
                QueryParameters.text(body.region()), SOURCE);
        DncEntryView entry = DncEntryView.of(addition.entry());
        return addition.created()
                ? Response.created(URI.create("/api/v1/dnc/" + entry.id())).entity(entry).build()
                : Response.ok(entry).build();
    }

    @GET
    @Allow(roles = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR})
    @Operation(summary = "List entries in id order; pass the answer's next as after for the next page")
    public DncPageView list(@QueryParam("campaignId") String campaignId, @QueryParam("kind") String kind,
            @QueryParam("limit") String limit, @QueryParam("after") String after) {
        DncFilter filter = new DncFilter(QueryParameters.number("campaignId", campaignId),
                QueryParameters.read("kind", kind, DncKind::fromCode, "must be number or prefix"));
        return DncPageView.of(dnc.list(filter,
                QueryParameters.number("limit", limit).orElse(DEFAULT_LIMIT),
                QueryParameters.number("after", after).orElse(0L)));
    }

    @GET
    @Path("{id: [0-9]+}")
    @Allow(roles = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR})
    @Operation(summary = "Get one entry")
    public DncEntryView get(@PathParam("id") long id) {
        return dnc.find(id).map(DncEntryView::of).orElseThrow(() -> noSuchEntry(id));
    }

    @GET
    @Path("check")
    @Allow(roles = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR})
    @Operation(summary = "Whether the list forbids dialling a number, in a campaign or (without campaignId) in every campaign")
    public DncCheckView check(@QueryParam("number") String number, @QueryParam("campaignId") String campaignId,
            @QueryParam("region") String region) {
        return new DncCheckView(dnc.check(number, QueryParameters.number("campaignId", campaignId),
                QueryParameters.text(region)));
    }

    @DELETE
    @Path("{id: [0-9]+}")
    @Allow(roles = {Role.ADMIN, Role.MANAGER})
    @Operation(summary = "Remove an entry; the contacts nothing else blocks become callable again")
    public Response remove(@PathParam("id") long id) {
        dnc.remove(id).orElseThrow(() -> noSuchEntry(id));
        return Response.noContent().build();
    }

    @POST
    @Path("imports")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Allow(roles = {Role.ADMIN, Role.MANAGER})
    @Operation(summary = "Add every number of a CSV file (UTF-8 or Windows-1251; one number a line, or a column "
            + "number, phone, телефон or номер) in one transaction; says how many were added, already listed, invalid")
    public DncImportResult importCsv(InputStream csv, @QueryParam("campaignId") String campaignId,
            @QueryParam("region") String region) throws IOException {
        // the body is stored first, so that the list's lock is held for the import only, not for the upload
        java.nio.file.Path file = spooler.spool(csv);
        try (InputStream stored = Files.newInputStream(file)) {
            return dnc.importCsv(stored, QueryParameters.number("campaignId", campaignId), QueryParameters.text(region));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static NoSuchResourceException noSuchEntry(long id) {
        return new NoSuchResourceException("No do-not-call entry with id " + id);
    }
}
