package dialer.contact.intake;

import java.util.Locale;

/** Why a row or pushed contact was not taken. The codes are part of the API. */
public enum RejectReason {
    MISSING_NUMBER, INVALID_NUMBER, DUPLICATE, DNC, MALFORMED_ROW;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
