package dialer.api.http;

import java.util.UUID;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anything else is our bug: logged with a reference, answered as 500 with the reference and nothing more. */
@Provider
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Context
    private UriInfo uriInfo;
    @Context
    private Request request;

    @Override
    public Response toResponse(Throwable exception) {
        String reference = UUID.randomUUID().toString();
        String path = "/" + uriInfo.getPath();
        LOG.error("Unexpected error {} in {} {}", reference, request.getMethod(), path, exception);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR,
                "Internal error; the appliance log has the details under reference " + reference, path).toResponse();
    }
}
