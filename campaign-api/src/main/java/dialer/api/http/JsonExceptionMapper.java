package dialer.api.http;

import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dialer.validation.FieldError;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * A request body that is not JSON is a 400 saying the line and column; JSON whose fields do not fit
 * (unknown field, wrong type) is a 422 naming the field.
 */
@Provider
public final class JsonExceptionMapper extends ProblemMapper<JsonProcessingException> {
    @Override
    Problem problem(JsonProcessingException exception, String method, String path) {
        if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            FieldError error = JsonFieldErrors.of(mapping);
            return Problem.of(HttpStatus.UNPROCESSABLE_CONTENT, error.field() + ": " + error.message(), path)
                    .withErrors(List.of(error));
        }
        JsonLocation location = exception.getLocation();
        Problem problem = Problem.of(Response.Status.BAD_REQUEST, "Malformed JSON"
                + (location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr())
                + ": " + exception.getOriginalMessage(), path);
        return location == null ? problem : problem.at(location.getLineNr(), location.getColumnNr());
    }
}
