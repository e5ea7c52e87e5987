package dialer.api.http;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
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
            String field = fieldOf(mapping);
            FieldError error = new FieldError(field, messageOf(mapping));
            return Problem.of(HttpStatus.UNPROCESSABLE_CONTENT, field + ": " + error.message(), path)
                    .withErrors(List.of(error));
        }
        JsonLocation location = exception.getLocation();
        Problem problem = Problem.of(Response.Status.BAD_REQUEST, "Malformed JSON"
                + (location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr())
                + ": " + exception.getOriginalMessage(), path);
        return location == null ? problem : problem.at(location.getLineNr(), location.getColumnNr());
    }

    private static String fieldOf(JsonMappingException exception) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : exception.getPath()) {
            if (reference.getFieldName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String messageOf(JsonMappingException exception) {
        if (exception instanceof UnrecognizedPropertyException unknown) {
            return "unknown field; known fields: " + unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
        }
        if (exception instanceof InvalidFormatException format) {
            return "'" + format.getValue() + "' is not a valid " + format.getTargetType().getSimpleName();
        }
        if (exception instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "expected " + describe(mismatch.getTargetType());
        }
        return exception.getOriginalMessage();
    }

    private static String describe(Class<?> type) {
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return "an object";
    }
}
