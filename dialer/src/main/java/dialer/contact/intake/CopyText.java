package dialer.contact.intake;

import java.util.List;

/**
 * Writes {@link IntakeRow}s in PostgreSQL's COPY text format, in the column order of {@link StagingTable}.
 * NUL characters, which PostgreSQL text cannot hold and no contact field means, are left out.
 */
final class CopyText {
    private CopyText() {
    }

    static void append(StringBuilder out, IntakeRow row) {
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
        last(out, row.detail());
    }

    private static void field(StringBuilder out, String value) {
        escape(out, value);
        out.append('\t');
    }

    private static void last(StringBuilder out, String value) {
        escape(out, value);
        out.append('\n');
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
        for (int i = 0; i < value.length(); i++) {
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
}
