package dialer.contact.intake;

import java.util.List;

/**
 * Writes {@link IntakeRow}s in PostgreSQL's COPY text format, in the column order of {@link StagingTable},
 * with, for each row, whether its number and its external id may have come in an earlier row (see
 * {@link SeenKeys}). NUL characters, which PostgreSQL text cannot hold and no contact field means, are
 * left out. Thread-safe.
 */
final class CopyText {
    private final SeenKeys phones;
    private final SeenKeys externalIds;

    /** For a batch of about {@code expectedRows} rows. */
    CopyText(long expectedRows) {
        this.phones = SeenKeys.forKeys(expectedRows);
        this.externalIds = SeenKeys.forKeys(expectedRows);
    }

    void append(StringBuilder out, IntakeRow row) {
        out.append(row.line()).append('\t');
        field(out, row.phone());
        array(out, row.altPhones());
        field(out, row.timeZone());
        field(out, row.firstName());
        field(out, row.lastName());
        field(out, row.externalId());
        field(out, row.priority() == null ? null : row.priority().toString());
        field(out, row.customJson());
        field(out, row.fieldsJson());
        field(out, row.reject() == null ? null : row.reject().code());
        field(out, row.detail());
        out.append(phones.markSeen(row.phone()) ? 't' : 'f').append('\t')
                .append(externalIds.markSeen(row.externalId()) ? 't' : 'f').append('\n');
    }

    private static void field(StringBuilder out, String value) {
        escape(out, value);
        out.append('\t');
    }

    /** E.164 numbers need no quoting inside an array literal. */
    private static void array(StringBuilder out, List<String> values) {
        out.append('{').append(String.join(",", values)).append('}').append('\t');
    }

    private static void escape(StringBuilder out, String value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        int plain = 0;
        while (plain < value.length() && !needsEscape(value.charAt(plain))) {
            plain++;
        }
        if (plain == value.length()) {
            out.append(value);
            return;
        }
        out.append(value, 0, plain);
        for (int i = plain; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> { }
                default -> out.append(c);
            }
        }
    }

    private static boolean needsEscape(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r' || c == '\0';
    }
}
