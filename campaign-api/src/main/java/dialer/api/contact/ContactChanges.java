package dialer.api.contact;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dialer.contact.Contact;
import dialer.contact.intake.ContactFields;

/**
 * The body of {@code PATCH .../contacts/{externalId}}: each field given replaces the stored one. A new
 * phone without a time zone takes the new number's zone, not the old one's.
 */
public record ContactChanges(String phone, List<String> altPhones, String firstName, String lastName,
        String timeZone, Integer priority, Map<String, String> customFields) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The contact with these changes, as fields to push again. */
    ContactFields applyTo(Contact current) {
        List<String> phones = new ArrayList<>();
        phones.add(phone != null ? phone : current.phone());
        phones.addAll(altPhones != null ? altPhones : current.altPhones());
        return new ContactFields(phones, firstName != null ? firstName : current.firstName().orElse(null),
                lastName != null ? lastName : current.lastName().orElse(null), current.externalId().orElseThrow(),
                timeZone != null ? timeZone : phone != null ? null : current.timeZone(),
                Integer.toString(priority != null ? priority : current.priority()),
                customFields != null ? customFields : parse(current.customFieldsJson()));
    }

    private static Map<String, String> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
