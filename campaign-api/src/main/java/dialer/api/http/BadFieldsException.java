package dialer.api.http;

import java.util.List;
import java.util.stream.Collectors;

import dialer.validation.FieldError;

/**
 * A request some of whose fields the operation cannot take, where the route answers 400 rather than the
 * API's usual 422 (a disposition: an unknown code, a callback without its time): names every bad field.
 */
public final class BadFieldsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    public BadFieldsException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a bad request names at least one field");
        }
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
