package dialer.api.http;

import java.util.List;
import java.util.Locale;

import dialer.validation.FieldError;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.server.ParamException;

/**
 * Jersey's own errors (no such route, method not allowed, unsupported media type...) as problems; a query
 * or path parameter that cannot be read (Jersey's 404 by the letter of JAX-RS) is a 422 naming it.
 */
@Provider
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Context
    private UriInfo uriInfo;
    @Context
    private Request request;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        String path = "/" + uriInfo.getPath();
        if (exception instanceof ParamException param) {
            String name = param.getParameterName();
            return Problem.of(HttpStatus.UNPROCESSABLE_CONTENT, name + ": the value cannot be read as the "
                    + param.getParameterType().getSimpleName().replace("Param", " parameter").toLowerCase(Locale.ROOT)
                    + " expects", path).withErrors(List.of(new FieldError(name, "the value cannot be read"))).toResponse();
        }
        String detail = exception instanceof NotFoundException && original.getStatus() == 404
                ? "No route for " + request.getMethod() + " " + path
                : exception.getMessage();
        Response problem = Problem.of(original.getStatusInfo(), detail, path).toResponse();
        Response.ResponseBuilder builder = Response.fromResponse(problem);
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }
}
