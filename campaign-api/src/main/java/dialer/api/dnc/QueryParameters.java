package dialer.api.dnc;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dialer.validation.FieldError;
import dialer.validation.InvalidInputException;

/** Reads optional query parameters; a value that does not read is a 422 naming the parameter (not Jersey's 404). */
final class QueryParameters {
    private QueryParameters() {
    }

    /** The value, unless absent or blank. */
    static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    static Optional<Long> number(String name, String value) {
        return read(name, value, text -> {
            try {
                return Optional.of(Long.valueOf(text));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }, "must be a whole number");
    }

    /**
     * The value as {@code parse} reads it, or empty when absent.
     *
     * @param rule what a valid value is, for the 422's message
     */
    static <T> Optional<T> read(String name, String value, Function<String, Optional<T>> parse, String rule) {
        Optional<String> text = text(value);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parse.apply(text.get()).orElseThrow(() -> new InvalidInputException(
                List.of(new FieldError(name, rule + ", not '" + text.get() + "'")))));
    }
}
