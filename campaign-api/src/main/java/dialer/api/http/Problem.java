package dialer.api.http;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dialer.validation.FieldError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An error answer in the form of RFC 9457 ({@code application/problem+json}), with extension members
 * that say where the problem is: {@code errors} (field and message), {@code field}, {@code line} and
 * {@code column}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
        List<FieldError> errors, String field, Integer line, Integer column) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

    public static Problem of(Response.StatusType status, String detail, String instance) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, instance,
                null, null, null, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, List.copyOf(fieldErrors), field, line, column);
    }

    public Problem withField(String name) {
        return new Problem(type, title, status, detail, instance, errors, name, line, column);
    }

    public Problem at(int lineNumber, int columnNumber) {
        return new Problem(type, title, status, detail, instance, errors, field, lineNumber, columnNumber);
    }

    /** The HTTP answer carrying this problem. */
    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }
}
