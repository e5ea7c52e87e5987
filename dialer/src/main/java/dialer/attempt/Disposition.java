package dialer.attempt;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an agent may say of a connected call, and what follows for the contact: {@link Kind#FINAL} ends it
 * ({@code COMPLETED}), {@link Kind#RETRY} calls again after {@code retryMinutes}, {@link Kind#CALLBACK} calls
 * back at the time the agent set, {@link Kind#DNC} puts the number on the campaign's do-not-call list.
 */
public record Disposition(String code, Kind kind, int retryMinutes) {
    /** What follows a disposition. */
    public enum Kind {
        FINAL, RETRY, CALLBACK, DNC;

        /** The kind's name on the wire: lower case. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Kind> fromCode(String code) {
            return Arrays.stream(values()).filter(kind -> kind.code().equals(code)).findFirst();
        }
    }

    /** Set by the engine when wrap-up ends with no disposition from the agent. */
    public static final Disposition NONE_GIVEN = new Disposition("no-disposition", Kind.RETRY, 60);

    /** A campaign's dispositions when it names none. */
    public static final List<Disposition> DEFAULTS = List.of(
            new Disposition("sale", Kind.FINAL, 0),
            new Disposition("not-interested", Kind.FINAL, 0),
            new Disposition("wrong-person", Kind.FINAL, 0),
            new Disposition("no-decision", Kind.RETRY, 1440),
            new Disposition("callback", Kind.CALLBACK, 0),
            new Disposition("do-not-call", Kind.DNC, 0),
            NONE_GIVEN);

    public Disposition {
        if (code == null || !code.matches("[a-z0-9][a-z0-9-]{0,39}") || kind == null || retryMinutes < 0
                || kind == Kind.RETRY && retryMinutes < 1) {
            throw new IllegalArgumentException("a disposition needs a code (a-z, 0-9, -), a kind, and a retry delay for retries");
        }
    }

}
