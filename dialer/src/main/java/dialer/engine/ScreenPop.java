package dialer.engine;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dialer.lease.LeasedContact;
import org.slf4j.LoggerFactory;

/** What an agent's desktop shows of a contact when its call is offered or bridged; missing fields are left out. */
final class ScreenPop {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScreenPop() {
    }

    static Map<String, Object> of(long campaignId, LeasedContact contact) {
        Map<String, Object> data = new HashMap<>();
        data.put("attemptId", contact.attemptId());
        data.put("campaignId", campaignId);
        data.put("contactId", contact.contactId());
        data.put("phone", contact.phoneE164());
        putIfPresent(data, "firstName", contact.firstName());
        putIfPresent(data, "lastName", contact.lastName());
        putIfPresent(data, "externalId", contact.externalId());
        putIfPresent(data, "timeZone", contact.timeZone());
        try {
            data.put("customFields", JSON.readValue(contact.customFieldsJson(), Map.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LoggerFactory.getLogger(ScreenPop.class).warn("Contact {} has unreadable custom fields", contact.contactId(), e);
        }
        return data;
    }

    private static void putIfPresent(Map<String, Object> data, String key, String value) {
        if (value != null) {
            data.put(key, value);
        }
    }
}
