package dialer.contact.intake;

/**
 * Neutralises cells a spreadsheet would run as a formula (OWASP CSV injection): a cell starting with
 * {@code = + - @}, tab or carriage return gets a leading apostrophe, so that it shows as text.
 */
public final class SpreadsheetSafe {
    private SpreadsheetSafe() {
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
