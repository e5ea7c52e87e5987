package dialer.api.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** 404 naming what is missing. */
@Provider
public final class NoSuchResourceExceptionMapper extends ProblemMapper<NoSuchResourceException> {
    @Override
    Problem problem(NoSuchResourceException exception, String method, String path) {
        return Problem.of(Response.Status.NOT_FOUND, exception.getMessage(), path);
    }
}
