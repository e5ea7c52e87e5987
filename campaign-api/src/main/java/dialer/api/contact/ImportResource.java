package dialer.api.contact;

import java.io.InputStream;
import java.net.URI;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dialer.api.auth.Allow;
import dialer.api.auth.Caller;
import dialer.contact.intake.ContactImportService;
import dialer.contact.intake.IntakeTarget;
import dialer.contact.intake.StartedImport;
import dialer.user.Role;
import dialer.user.User;
import dialer.validation.FieldError;
import dialer.validation.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.glassfish.jersey.media.multipart.FormDataContentDisposition;
import org.glassfish.jersey.media.multipart.FormDataParam;

/** CSV list uploads into a campaign: accepted at once (202), then imported in the background. */
@Path("/api/v1/campaigns/{id: [0-9]+}/imports")
@Produces(MediaType.APPLICATION_JSON)
@Allow(roles = {Role.ADMIN, Role.MANAGER})
@Tag(name = "imports")
public final class ImportResource {
    private static final String TEXT_CSV = "text/csv";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ContactImportService imports;
    private final CampaignTargets campaigns;
    private final UploadSpooler spooler;

    public ImportResource(ContactImportService imports, CampaignTargets campaigns, UploadSpooler spooler) {
        this.imports = imports;
        this.campaigns = campaigns;
        this.spooler = spooler;
    }

    @POST
    @Consumes({TEXT_CSV, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Upload a CSV list as the request body; mapping is a JSON object of field to header or column number")
    public Response upload(@PathParam("id") long campaignId, InputStream body, @QueryParam("mapping") String mapping,
            @QueryParam("fileName") String fileName, @Context SecurityContext security) {
        return start(campaignId, body, fileName, mapping, security);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a CSV list as the form part 'file', with an optional part 'mapping'")
    public Response uploadForm(@PathParam("id") long campaignId, @FormDataParam("file") InputStream file,
            @FormDataParam("file") FormDataContentDisposition disposition, @FormDataParam("mapping") String mapping,
            @Context SecurityContext security) {
        if (file == null) {
            throw new InvalidInputException(List.of(new FieldError("file", "the form has no part named 'file'")));
        }
        return start(campaignId, file, disposition == null ? null : disposition.getFileName(), mapping, security);
    }

    private Response start(long campaignId, InputStream body, String fileName, String mapping, SecurityContext security) {
        IntakeTarget target = campaigns.of(campaignId);
        Map<String, String> columns = parseMapping(mapping);
        java.nio.file.Path file = spooler.spool(body);
        Optional<Long> user = ((Caller) security.getUserPrincipal()).user().map(User::id);
        StartedImport started = imports.start(target, file, fileName, columns, user);
        return Response.accepted(Map.of("id", started.id(), "state", "running"))
                .location(URI.create("/api/v1/imports/" + started.id()))
                .build();
    }

    private static Map<String, String> parseMapping(String mapping) {
        if (mapping == null || mapping.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(mapping, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(List.of(new FieldError("mapping",
                    "must be a JSON object of field to header name or column number, like {\"phone\": \"Телефон\"}")));
        }
    }
}
