package dialer.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import dialer.api.Appliance;
import dialer.api.testing.ApiClient;
import dialer.api.testing.RunningAppliance;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The served OpenAPI document lists exactly the /api/v1 routes the code declares. */
class OpenApiTest {
    @RegisterExtension
    static final RunningAppliance APPLIANCE = new RunningAppliance();

    @Test
    void documentsEveryApiRoute() throws Exception {
        ApiClient.Reply reply = APPLIANCE.admin().get("/openapi.json");
        assertThat(reply.status()).isEqualTo(200);

        Set<String> documented = new HashSet<>();
        JsonNode paths = reply.json().get("paths");
        for (Iterator<String> names = paths.fieldNames(); names.hasNext(); ) {
            String path = names.next();
            paths.get(path).fieldNames().forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path));
        }

        Set<String> declared = declaredApiRoutes();
        assertThat(declared).contains("POST /api/v1/users", "GET /api/v1/users/{id}", "DELETE /api/v1/api-keys/{id}");
        assertThat(documented).isEqualTo(declared);
        assertThat(reply.json().at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
    }

    /** Every resource method under /api/v1 of every @Path class compiled into the application. */
    private static Set<String> declaredApiRoutes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(Appliance.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> routes = new HashSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name);
                if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)
                        && type.getAnnotation(jakarta.ws.rs.Path.class).value().startsWith(OpenApiDocument.API_PREFIX)) {
                    collect(Resource.from(type), "", routes);
                }
            }
        }
        return routes;
    }

    private static void collect(Resource resource, String parent, Set<String> routes) {
        String path = join(parent, resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            routes.add(method.getHttpMethod() + " " + path);
        }
        resource.getChildResources().forEach(child -> collect(child, path, routes));
    }

    private static String join(String parent, String path) {
        String segment = path.replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}");
        String joined = (parent + "/" + segment).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
