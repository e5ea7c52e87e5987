package dialer.api.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dialer.api.auth.Public;
import dialer.health.HealthCheck;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /healthz}: every check by name; 200 when all pass, 503 when one fails. Needs no credentials. */
@Path("/healthz")
@Public
public final class HealthResource {
    private static final long CHECK_TIMEOUT_MILLIS = 3000;

    private final List<HealthCheck> checks;
    private final ExecutorService executor;

    public HealthResource(List<HealthCheck> checks, ExecutorService executor) {
        this.checks = List.copyOf(checks);
        this.executor = executor;
    }

    /** The answer: overall status and each check's result. */
    public record Health(String status, Map<String, HealthCheck.Result> checks) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        Map<String, CompletableFuture<HealthCheck.Result>> running = new LinkedHashMap<>();
        checks.forEach(check -> running.put(check.name(), CompletableFuture.supplyAsync(check::check, executor)));
        Map<String, HealthCheck.Result> results = new LinkedHashMap<>();
        running.forEach((name, result) -> results.put(name, await(result)));
        boolean healthy = results.values().stream().allMatch(HealthCheck.Result::healthy);
        return Response.status(healthy ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(new Health(healthy ? "up" : "down", results))
                .build();
    }

    private static HealthCheck.Result await(CompletableFuture<HealthCheck.Result> result) {
        try {
            return result.get(CHECK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            return HealthCheck.Result.unhealthy("no answer within " + CHECK_TIMEOUT_MILLIS + " ms");
        } catch (ExecutionException e) {
            return HealthCheck.Result.unhealthy("check failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheck.Result.unhealthy("interrupted");
        }
    }
}
