package dialer.api.contact;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dialer.contact.Contact;

/** A contact as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactView(long id, String externalId, String phone, List<String> altPhones, String timeZone,
        String firstName, String lastName, int priority, String state, int attempts, Instant nextAttemptAt,
        @JsonRawValue String customFields, Instant createdAt, Instant updatedAt) {
    static ContactView of(Contact contact) {
        return new ContactView(contact.id(), contact.externalId().orElse(null), contact.phone(), contact.altPhones(),
                contact.timeZone(), contact.firstName().orElse(null), contact.lastName().orElse(null), contact.priority(),
                contact.state(), contact.attemptsTotal(), contact.nextAttemptAt().orElse(null), contact.customFieldsJson(),
                contact.createdAt(), contact.updatedAt());
    }
}
