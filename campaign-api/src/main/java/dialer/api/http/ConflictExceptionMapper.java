package dialer.api.http;

import dialer.validation.ConflictException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** A request that clashes with stored data: 409 naming the field. */
@Provider
public final class ConflictExceptionMapper extends ProblemMapper<ConflictException> {
    @Override
    Problem problem(ConflictException exception, String method, String path) {
        return Problem.of(Response.Status.CONFLICT, exception.getMessage(), path).withField(exception.field());
    }
}
