package dialer.api.http;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 404 naming what is missing. */
@Provider
public final class NoSuchResourceExceptionMapper implements ExceptionMapper<NoSuchResourceException> {
    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(NoSuchResourceException exception) {
        return Problem.of(Response.Status.NOT_FOUND, exception.getMessage(), "/" + uriInfo.getPath())
                .toResponse();
    }
}
