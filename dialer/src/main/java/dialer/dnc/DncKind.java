package dialer.dnc;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a do-not-call entry matches: one number, or every number that starts with a prefix. */
public enum DncKind {
    NUMBER, PREFIX;

    /** The kind's name on the wire and in the database: lower case. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DncKind> fromCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code().equals(code)).findFirst();
    }
}
