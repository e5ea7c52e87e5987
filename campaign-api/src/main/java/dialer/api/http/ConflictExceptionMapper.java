package dialer.api.http;

import dialer.validation.ConflictException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request that clashes with stored data: 409 naming the field. */
@Provider
public final class ConflictExceptionMapper implements ExceptionMapper<ConflictException> {
    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(ConflictException exception) {
        return Problem.of(Response.Status.CONFLICT, exception.getMessage(), "/" + uriInfo.getPath())
                .withField(exception.field())
                .toResponse();
    }
}
