package dialer.apikey;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What an API key may do. Routes that machines call name the scope they need. */
public enum Scope {
    /** Scrape {@code /metrics}. */
    METRICS_READ("metrics:read"),
    /** Push, read, change and cancel a campaign's contacts (a CRM). */
    CONTACTS_WRITE("contacts:write"),
    /** Report missed and answered inbound calls (a PBX or CRM). */
    MISSED_CALLS_WRITE("missed-calls:write");

    private final String code;

    Scope(String code) {
        this.code = code;
    }

    /** The scope's name on the wire and in the database. */
    public String code() {
        return code;
    }

    public static Optional<Scope> fromCode(String code) {
        return Arrays.stream(values()).filter(scope -> scope.code.equals(code)).findFirst();
    }

    /** Every scope's code, for error messages. */
    public static String knownCodes() {
        return Arrays.stream(values()).map(Scope::code).collect(Collectors.joining(", "));
    }
}
