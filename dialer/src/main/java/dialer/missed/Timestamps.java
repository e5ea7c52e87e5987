package dialer.missed;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import dialer.validation.FieldError;

/** Reads the times of inbound calls: ISO-8601 with an offset, required. */
final class Timestamps {
    private Timestamps() {
    }

    /** The time, or empty after adding to {@code errors} what is wrong with it. */
    static Optional<Instant> read(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.strip()).toInstant());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "'" + value + "' is not a time like 2026-11-23T15:30:00+03:00"));
            return Optional.empty();
        }
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
