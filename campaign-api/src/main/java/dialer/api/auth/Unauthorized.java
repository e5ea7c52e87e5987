package dialer.api.auth;

import dialer.api.http.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The 401 answer, with the challenges a client can answer. */
final class Unauthorized {
    private Unauthorized() {
    }

    static Response response(ContainerRequestContext request, String detail) {
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, detail,
                        "/" + request.getUriInfo().getPath()).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"dialer\", charset=\"UTF-8\"")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"dialer\"")
                .build();
    }
}
