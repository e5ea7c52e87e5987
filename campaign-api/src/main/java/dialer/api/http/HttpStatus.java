package dialer.api.http;

import jakarta.ws.rs.core.Response;

/** Statuses that {@link Response.Status} lacks. */
public enum HttpStatus implements Response.StatusType {
    UNPROCESSABLE_CONTENT(422, "Unprocessable Content");

    private final int code;
    private final String reason;

    HttpStatus(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    @Override
    public int getStatusCode() {
        return code;
    }

    @Override
    public Response.Status.Family getFamily() {
        return Response.Status.Family.familyOf(code);
    }

    @Override
    public String getReasonPhrase() {
        return reason;
    }
}
