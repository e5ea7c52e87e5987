package dialer.validation;

import java.util.ArrayList;
import java.util.List;

/** Collects what is wrong with a request, so that one answer names every bad field. */
public final class FieldErrors {
    private final List<FieldError> errors = new ArrayList<>();

    /** Records an error on {@code field} unless {@code valid}. */
    public FieldErrors check(boolean valid, String field, String message) {
        if (!valid) {
            errors.add(new FieldError(field, message));
        }
        return this;
    }

    /** Throws {@link InvalidInputException} naming every recorded error, if any. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
