package dialer.api.contact;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import dialer.api.auth.Allow;
import dialer.api.http.NoSuchResourceException;
import dialer.contact.intake.ContactImportService;
import dialer.user.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** How an import goes, and the rows it refused. */
@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "imports")
public final class ImportStatusResource {
    private static final String TEXT_CSV = "text/csv";

    private final ContactImportService imports;
    private final Clock clock;

    public ImportStatusResource(ContactImportService imports, Clock clock) {
        this.imports = imports;
        this.clock = clock;
    }

    @GET
    @Path("{id: [0-9]+}")
    @Allow(roles = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR})
    @Operation(summary = "How an import goes: state, rows read, accepted, rejected by reason, rows per second")
    public ImportView status(@PathParam("id") long id) {
        return imports.find(id).map(status -> ImportView.of(status, clock.instant()))
                .orElseThrow(() -> new NoSuchResourceException("No import with id " + id));
    }

    @GET
    @Path("{id: [0-9]+}/rejects")
    @Produces(TEXT_CSV)
    @Allow(roles = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR})
    @Operation(summary = "The rejected rows as CSV, with their line and reason")
    public Response rejects(@PathParam("id") long id) {
        imports.find(id).orElseThrow(() -> new NoSuchResourceException("No import with id " + id));
        StreamingOutput csv = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            imports.writeRejects(id, writer);
            writer.flush();
        };
        return Response.ok(csv, TEXT_CSV + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"import-" + id + "-rejects.csv\"")
                .build();
    }
}
