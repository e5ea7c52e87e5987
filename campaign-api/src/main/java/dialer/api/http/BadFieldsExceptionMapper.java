package dialer.api.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** 400 naming every bad field, the first one also as {@code field}. */
@Provider
public final class BadFieldsExceptionMapper extends ProblemMapper<BadFieldsException> {
    @Override
    Problem problem(BadFieldsException exception, String method, String path) {
        return Problem.of(Response.Status.BAD_REQUEST, exception.getMessage(), path)
                .withErrors(exception.errors()).withField(exception.errors().get(0).field());
    }
}
