package dialer.api.http;

import java.util.Collection;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dialer.validation.FieldError;

/** Says which field of a JSON body does not fit its type (unknown field, wrong type), and how. */
public final class JsonFieldErrors {
    private JsonFieldErrors() {
    }

    /** The field error of {@code exception}, whose path must not be empty. */
    public static FieldError of(JsonMappingException exception) {
        return new FieldError(fieldOf(exception), messageOf(exception));
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
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
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
