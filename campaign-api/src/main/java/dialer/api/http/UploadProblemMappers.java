package dialer.api.http;

import dialer.api.contact.UploadSpooler;
import dialer.contact.intake.UnreadableUploadException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** Problems with an uploaded file as a whole. */
public final class UploadProblemMappers {
    private UploadProblemMappers() {
    }

    /** A file that cannot be imported at all: 400 saying why, in words a manager understands. */
    @Provider
    public static final class Unreadable extends ProblemMapper<UnreadableUploadException> {
        @Override
        Problem problem(UnreadableUploadException exception, String method, String path) {
            return Problem.of(Response.Status.BAD_REQUEST, exception.getMessage(), path);
        }
    }

    /** A file over the size limit: 413. */
    @Provider
    public static final class TooLarge extends ProblemMapper<UploadSpooler.UploadTooLargeException> {
        @Override
        Problem problem(UploadSpooler.UploadTooLargeException exception, String method, String path) {
            return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, exception.getMessage(), path);
        }
    }
}
