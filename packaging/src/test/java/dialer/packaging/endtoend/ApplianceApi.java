package dialer.packaging.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The appliance's REST API as its users call it: JSON over HTTP/1.1 (the JDK client's HTTP/2 upgrade hangs
 * against Grizzly), each request with a user's Basic credentials.
 */
public final class ApplianceApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;

    public ApplianceApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A user of the appliance, by name and password. */
    public record User(String username, String password) {
        String authorization() {
            return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The answer to a request that must succeed: its JSON, or null for an empty body. */
    public JsonNode call(User user, String method, String path, Object body) throws InterruptedException {
        String json;
        try {
            json = body == null ? "" : JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body + " as JSON", e);
        }
        return send(request(user, path).header("Content-Type", "application/json")
                .method(method, json.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    /** GET {@code path}, which must answer 200. */
    public JsonNode get(User user, String path) throws InterruptedException {
        return send(request(user, path).GET());
    }

    /** POST {@code csv} as a raw {@code text/csv} body. */
    public JsonNode postCsv(User user, String path, String csv) throws InterruptedException {
        return send(request(user, path).header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    /** The Server-Sent Events at {@code path}, line by line, until the server ends the stream. */
    public Stream<String> events(User user, String path) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", user.authorization())
                .header("Accept", "text/event-stream").GET().build();
        try {
            HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IllegalStateException("GET " + path + " as " + user.username() + ": " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path, e);
        }
    }

    private HttpRequest.Builder request(User user, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).header("Authorization", user.authorization());
    }

    private JsonNode send(HttpRequest.Builder builder) throws InterruptedException {
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.method() + " " + request.uri().getPath() + ": " + response.statusCode()
                        + " " + response.body());
            }
            return response.body().isEmpty() ? null : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        }
    }
}
