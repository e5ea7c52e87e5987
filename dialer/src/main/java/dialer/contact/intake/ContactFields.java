package dialer.contact.intake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A contact as a source gives it, before normalisation: up to three numbers and the named fields as
 * text, plus custom fields. CSV rows and CRM items both become this.
 */
public record ContactFields(List<String> phones, String firstName, String lastName, String externalId,
        String timeZone, String priority, Map<String, String> custom) {
    public ContactFields {
        List<String> given = new ArrayList<>(phones.size());
        for (String phone : phones) {
            if (phone != null && !phone.isBlank()) {
                given.add(phone);
            }
        }
        phones = Collections.unmodifiableList(given);
        custom = new LinkedHashMap<>(custom);
    }
}
