package dialer.api.attempt;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

import dialer.api.http.BadFieldsException;
import dialer.attempt.Disposition;
import dialer.validation.FieldError;

/**
 * The body of {@code POST /api/v1/attempts/{id}/disposition}: the disposition's {@code code}, the agent's
 * {@code notes}, and for a callback its time ({@code callbackAt}, ISO-8601 with an offset) and, optionally,
 * the agent who is to make it ({@code callbackOwner}, a user id).
 */
public record DispositionRequest(String code, String notes, String callbackAt, Long callbackOwner) {
    private static final int MAX_NOTES = 4000;

    /** A disposition as checked: a known code, and a callback's time in the future. */
    record Checked(Disposition disposition, String notes, Instant callbackAt, Long callbackOwner) {
    }

    /**
     * @param isAgent whether a user id is an agent's
     * @param known   the dispositions of the call's campaign
     * @throws BadFieldsException naming each field the disposition cannot take
     */
    Checked check(Instant now, LongPredicate isAgent, List<Disposition> known) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Disposition> disposition = known.stream().filter(candidate -> candidate.code().equals(code)).findFirst();
        if (disposition.isEmpty()) {
            errors.add(new FieldError("code", (code == null ? "is required" : "unknown disposition '" + code + "'")
                    + "; known: " + known.stream().map(Disposition::code).collect(Collectors.joining(", "))));
        }
        boolean callback = disposition.map(found -> found.kind() == Disposition.Kind.CALLBACK).orElse(false);
        Instant at = callbackAt == null ? null : time(callbackAt, errors);
        if (callback && callbackAt == null) {
            errors.add(new FieldError("callbackAt", "a callback needs its time"));
        } else if (callback && at != null && !at.isAfter(now)) {
            errors.add(new FieldError("callbackAt", "must be in the future"));
        } else if (disposition.isPresent() && !callback && callbackAt != null) {
            errors.add(new FieldError("callbackAt", "only a callback takes a time"));
        }
        if (callbackOwner != null && !callback && disposition.isPresent()) {
            errors.add(new FieldError("callbackOwner", "only a callback takes an owner"));
        } else if (callbackOwner != null && !isAgent.test(callbackOwner)) {
            errors.add(new FieldError("callbackOwner", "no agent with user id " + callbackOwner));
        }
        if (notes != null && notes.length() > MAX_NOTES) {
            errors.add(new FieldError("notes", "must be at most " + MAX_NOTES + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new BadFieldsException(errors);
        }
        return new Checked(disposition.orElseThrow(), notes, at, callbackOwner);
    }

    private static Instant time(String value, List<FieldError> errors) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("callbackAt", "'" + value + "' is not a time like 2026-05-04T15:30:00+03:00"));
            return null;
        }
    }
}
