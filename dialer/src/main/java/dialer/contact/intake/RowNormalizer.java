package dialer.contact.intake;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dialer.phone.PhoneNumber;
import dialer.phone.PhoneNumbers;

/**
 * Turns what a source gives into an {@link IntakeRow}: numbers to E.164 for the campaign's region, the
 * time zone from an explicit value, else the number, else the campaign's fallback. Refuses rows with no
 * number, no valid number, or a field that cannot be read. Thread-safe.
 */
public final class RowNormalizer {
    private static final int MAX_PHONES = 3;

    private final PhoneNumbers numbers;

    public RowNormalizer(PhoneNumbers numbers) {
        this.numbers = numbers;
    }

    public IntakeRow normalize(long line, ContactFields fields, String fieldsJson, IntakeTarget target) {
        if (fields.phones().isEmpty()) {
            return IntakeRow.rejected(line, fieldsJson, RejectReason.MISSING_NUMBER, "no phone number");
        }
        List<PhoneNumber> valid = new ArrayList<>(MAX_PHONES);
        for (String raw : fields.phones().subList(0, Math.min(MAX_PHONES, fields.phones().size()))) {
            numbers.parse(raw, target.defaultRegion())
                    .filter(number -> !known(valid, number))
                    .ifPresent(valid::add);
        }
        if (valid.isEmpty()) {
            return IntakeRow.rejected(line, fieldsJson, RejectReason.INVALID_NUMBER,
                    "not a valid number for region " + target.defaultRegion() + ": " + fields.phones().get(0));
        }
        Integer priority;
        try {
            priority = blank(fields.priority()) ? null : Integer.valueOf(fields.priority().strip());
        } catch (NumberFormatException e) {
            return IntakeRow.rejected(line, fieldsJson, RejectReason.MALFORMED_ROW,
                    "priority is not a whole number: " + fields.priority());
        }
        Optional<ZoneId> explicitZone;
        try {
            explicitZone = blank(fields.timeZone()) ? Optional.empty() : Optional.of(ZoneId.of(fields.timeZone().strip()));
        } catch (DateTimeException e) {
            return IntakeRow.rejected(line, fieldsJson, RejectReason.MALFORMED_ROW,
                    "unknown time zone: " + fields.timeZone());
        }
        PhoneNumber primary = valid.get(0);
        ZoneId zone = explicitZone.or(primary::singleTimeZone).orElse(target.fallbackTimeZone());
        List<String> alternates = new ArrayList<>(valid.size() - 1);
        for (PhoneNumber alternate : valid.subList(1, valid.size())) {
            alternates.add(alternate.e164());
        }
        return new IntakeRow(line, primary.e164(), alternates,
                zone.getId(), trimToNull(fields.firstName()), trimToNull(fields.lastName()),
                trimToNull(fields.externalId()), priority, toJsonObject(fields.custom()), fieldsJson, null, null);
    }

    private static boolean known(List<PhoneNumber> numbers, PhoneNumber number) {
        for (PhoneNumber known : numbers) {
            if (known.e164().equals(number.e164())) {
                return true;
            }
        }
        return false;
    }

    /** A JSON array of the given texts (nulls as null). */
    public static String toJsonArray(List<String> values) {
        StringBuilder json = new StringBuilder(values.size() * 16).append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            appendString(json, values.get(i));
        }
        return json.append(']').toString();
    }

    static String toJsonObject(Map<String, String> values) {
        StringBuilder json = new StringBuilder(values.size() * 24).append('{');
        boolean first = true;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            appendString(json, entry.getKey());
            json.append(':');
            appendString(json, entry.getValue());
        }
        return json.append('}').toString();
    }

    private static void appendString(StringBuilder json, String value) {
        if (value == null) {
            json.append("null");
            return;
        }
        json.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value.indexOf('\0') < 0 ? value : value.replace("\0", ""), json);
        json.append('"');
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trimToNull(String value) {
        return blank(value) ? null : value.strip();
    }
}
