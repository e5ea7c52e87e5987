package dialer.dnc;

import java.util.regex.Pattern;

/**
 * What one do-not-call entry blocks: an E.164 number ({@code +74951234567}) or a prefix ({@code +7495},
 * a {@code +} and 1 to 14 digits) that blocks every number starting with it.
 */
public record DncTarget(DncKind kind, String value) {
    /** The mark that ends a prefix as people write it: {@code +7495*}. */
    public static final String PREFIX_MARK = "*";
    static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    static final Pattern PREFIX = Pattern.compile("\\+[1-9][0-9]{0,13}");

    public DncTarget {
        Pattern form = kind == DncKind.NUMBER ? E164 : PREFIX;
        if (value == null || !form.matcher(value).matches()) {
            throw new IllegalArgumentException("not a " + kind.code() + " in E.164 form: " + value);
        }
    }

    public static DncTarget number(String e164) {
        return new DncTarget(DncKind.NUMBER, e164);
    }

    public static DncTarget prefix(String prefix) {
        return new DncTarget(DncKind.PREFIX, prefix);
    }

    /** As people write it: the number, or the prefix followed by {@code *}. */
    public String written() {
        return kind == DncKind.PREFIX ? value + PREFIX_MARK : value;
    }
}
