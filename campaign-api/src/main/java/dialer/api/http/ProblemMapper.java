package dialer.api.http;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Turns one kind of exception into a {@link Problem} about the request's path. */
abstract class ProblemMapper<E extends Throwable> implements ExceptionMapper<E> {
    @Context
    private UriInfo uriInfo;
    @Context
    private Request request;

    @Override
    public final Response toResponse(E exception) {
        return problem(exception, request.getMethod(), "/" + uriInfo.getPath()).toResponse();
    }

    /** The problem to answer with, for a request of {@code method} to {@code path}. */
    abstract Problem problem(E exception, String method, String path);
}
