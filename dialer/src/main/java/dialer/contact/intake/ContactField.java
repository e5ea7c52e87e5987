package dialer.contact.intake;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The contact fields a column can hold, each with the header names (English and Russian) that mean it.
 * A column with none of these names becomes a custom field.
 */
public enum ContactField {
    PHONE("phone", "phone", "phone number", "telephone", "tel", "mobile", "number", "msisdn",
            "телефон", "тел", "номер", "номер телефона", "мобильный", "сотовый"),
    PHONE2("phone2", "phone 2", "phone2", "alt phone", "alternate phone", "телефон 2", "телефон2", "доп телефон",
            "дополнительный телефон"),
    PHONE3("phone3", "phone 3", "phone3", "телефон 3", "телефон3"),
    FIRST_NAME("firstName", "first name", "firstname", "given name", "name", "имя"),
    LAST_NAME("lastName", "last name", "lastname", "surname", "family name", "фамилия"),
    EXTERNAL_ID("externalId", "external id", "externalid", "crm id", "id", "client id", "внешний id", "код",
            "код клиента", "ид"),
    TIME_ZONE("timeZone", "time zone", "timezone", "tz", "часовой пояс"),
    PRIORITY("priority", "priority", "приоритет");

    private final String key;
    private final Set<String> headerNames;

    ContactField(String key, String... headerNames) {
        this.key = key;
        this.headerNames = Arrays.stream(headerNames).map(ContactField::normalise).collect(Collectors.toSet());
    }

    /** The field's name in an explicit mapping ({@code {"phone": "Тел. моб."}}). */
    public String key() {
        return key;
    }

    public static Optional<ContactField> byKey(String key) {
        return Arrays.stream(values()).filter(field -> field.key.equals(key)).findFirst();
    }

    /** The field a header commonly means, if any. */
    static Optional<ContactField> byHeader(String header) {
        String name = normalise(header);
        return Arrays.stream(values()).filter(field -> field.headerNames.contains(name)).findFirst();
    }

    static List<String> keys() {
        return Arrays.stream(values()).map(ContactField::key).toList();
    }

    /** Lower case, with _ - . and runs of spaces folded to one space. */
    static String normalise(String header) {
        return header == null ? "" : header.toLowerCase(Locale.ROOT).replaceAll("[_\\-.]+", " ")
                .replaceAll("\\s+", " ").strip();
    }
}
