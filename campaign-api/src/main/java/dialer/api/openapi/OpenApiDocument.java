package dialer.api.openapi;

import java.util.Set;
import java.util.stream.Collectors;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.ws.rs.Path;

/** The OpenAPI 3 document of every {@code /api/v1} route, read once from the resource classes. */
public final class OpenApiDocument {
    /** Routes under this prefix are the documented API. */
    public static final String API_PREFIX = "/api/v1";

    private final String json;

    /**
     * @param resourceClasses every registered resource class; those under {@link #API_PREFIX} are documented
     * @param version         the appliance's version
     */
    public OpenApiDocument(Set<Class<?>> resourceClasses, String version) {
        OpenAPI base = new OpenAPI()
                .info(new Info().title("Dialer appliance API").version(version)
                        .description("Campaigns, contacts, agents and results of the outbound dialer."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
        Set<Class<?>> apiClasses = resourceClasses.stream()
                .filter(type -> type.isAnnotationPresent(Path.class)
                        && type.getAnnotation(Path.class).value().startsWith(API_PREFIX))
                .collect(Collectors.toSet());
        OpenAPI api = new Reader(new SwaggerConfiguration().openAPI(base)).read(apiClasses);
        this.json = Json.pretty(api);
    }

    /** The document as JSON text. */
    public String json() {
        return json;
    }
}
