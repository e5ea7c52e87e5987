package dialer.missed;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dialer.campaign.Campaign;
import dialer.contact.ContactPartitions;
import dialer.phone.PhoneNumber;
import dialer.validation.ConflictException;
import org.jdbi.v3.core.Handle;

/**
 * The contacts that call callers back, in their group's campaign. A caller has one contact per campaign
 * (numbers are unique in a campaign): a new callback makes it again callable at once, unless it is being
 * dialled (that call goes on) or on a do-not-call list.
 */
final class CallbackContacts {
    /** A callback's priority: above any contact a list or a CRM would give a usual priority. */
    static final int PRIORITY = 1_000_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPEN = """
            INSERT INTO contacts (campaign_id, phone_e164, time_zone, priority, custom_fields)
            VALUES (:campaignId, :phone, :timeZone, :priority, CAST(:customFields AS jsonb))
            ON CONFLICT (phone_e164, campaign_id) DO UPDATE SET
                priority = EXCLUDED.priority,
                custom_fields = contacts.custom_fields || EXCLUDED.custom_fields,
                state = CASE WHEN contacts.state IN ('DIALING', 'DNC', 'READY') THEN contacts.state ELSE 'READY' END,
                next_attempt_at = CASE WHEN contacts.state IN ('DIALING', 'DNC', 'READY') THEN contacts.next_attempt_at END,
                callback_at = CASE WHEN contacts.state IN ('DIALING', 'DNC', 'READY') THEN contacts.callback_at END,
                callback_owner = CASE WHEN contacts.state IN ('DIALING', 'DNC', 'READY') THEN contacts.callback_owner END,
                updated_at = now()
            RETURNING id""";

    private CallbackContacts() {
    }

    /**
     * The caller's contact in the campaign, new or made callable again, with the callback's priority and its
     * details as custom fields (shown to the agent). Holds the campaign's intake lock until the transaction ends.
     */
    static long open(Handle handle, Campaign campaign, PhoneNumber caller, Map<String, String> details) {
        ContactPartitions.lockIntake(handle, campaign.id());
        if (handle.createQuery("SELECT 1 FROM campaigns WHERE id = :id FOR KEY SHARE").bind("id", campaign.id())
                .mapTo(Integer.class).findOne().isEmpty()) {
            throw new ConflictException("calledNumber", "the callback campaign " + campaign.id() + " was deleted meanwhile");
        }
        ContactPartitions.ensure(handle, campaign.id());
        return handle.createQuery(OPEN)
                .bind("campaignId", campaign.id())
                .bind("phone", caller.e164())
                .bind("timeZone", caller.singleTimeZone().orElse(campaign.fallbackTimeZone()).getId())
                .bind("priority", PRIORITY)
                .bind("customFields", json(details))
                .mapTo(Long.class).one();
    }

    /** Takes the contact out of the dialling ({@code CANCELLED}) when it is waiting, not when a call to it is in progress. */
    static void cancel(Handle handle, long campaignId, long contactId) {
        handle.createUpdate("UPDATE contacts SET state = 'CANCELLED', updated_at = now() "
                        + "WHERE campaign_id = :campaignId AND id = :contactId AND state IN ('READY', 'RETRY', 'CALLBACK')")
                .bind("campaignId", campaignId).bind("contactId", contactId).execute();
    }

    private static String json(Map<String, String> details) {
        try {
            return JSON.writeValueAsString(new LinkedHashMap<>(details));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("texts always make JSON", e);
        }
    }
}
