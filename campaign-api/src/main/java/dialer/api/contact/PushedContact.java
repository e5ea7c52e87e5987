package dialer.api.contact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dialer.contact.intake.ContactFields;

/** A contact as a CRM pushes it; {@code externalId} is the CRM's key and is required. */
public record PushedContact(String externalId, String phone, List<String> altPhones, String firstName,
        String lastName, String timeZone, Integer priority, Map<String, String> customFields) {

    ContactFields toFields() {
        List<String> phones = new ArrayList<>();
        phones.add(phone);
        if (altPhones != null) {
            phones.addAll(altPhones);
        }
        return new ContactFields(phones, firstName, lastName, externalId, timeZone,
                priority == null ? null : priority.toString(), customFields == null ? Map.of() : customFields);
    }
}
