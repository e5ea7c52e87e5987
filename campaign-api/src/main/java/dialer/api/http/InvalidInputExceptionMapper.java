package dialer.api.http;

import dialer.validation.InvalidInputException;
import jakarta.ws.rs.ext.Provider;

/** A request that breaks a domain rule: 422 naming every bad field. */
@Provider
public final class InvalidInputExceptionMapper extends ProblemMapper<InvalidInputException> {
    @Override
    Problem problem(InvalidInputException exception, String method, String path) {
        return Problem.of(HttpStatus.UNPROCESSABLE_CONTENT, exception.getMessage(), path).withErrors(exception.errors());
    }
}
