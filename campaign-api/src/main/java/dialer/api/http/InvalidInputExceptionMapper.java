package dialer.api.http;

import dialer.validation.InvalidInputException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request that breaks a domain rule: 422 naming every bad field. */
@Provider
public final class InvalidInputExceptionMapper implements ExceptionMapper<InvalidInputException> {
    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(InvalidInputException exception) {
        return Problem.of(HttpStatus.UNPROCESSABLE_CONTENT, exception.getMessage(), "/" + uriInfo.getPath())
                .withErrors(exception.errors())
                .toResponse();
    }
}
