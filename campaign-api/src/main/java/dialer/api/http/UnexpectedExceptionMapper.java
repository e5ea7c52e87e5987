package dialer.api.http;

import java.util.UUID;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anything else is our bug: logged with a reference, answered as 500 with the reference and nothing more. */
@Provider
public final class UnexpectedExceptionMapper extends ProblemMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    Problem problem(Throwable exception, String method, String path) {
        String reference = UUID.randomUUID().toString();
        LOG.error("Unexpected error {} in {} {}", reference, method, path, exception);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR,
                "Internal error; the appliance log has the details under reference " + reference, path);
    }
}
