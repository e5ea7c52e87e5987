package dialer.lease;

/**
 * A contact leased for one attempt: the attempt's id (written before the call is placed), the number to
 * dial, what an agent sees of the contact when the call reaches them, and the agent (a user id) the call is
 * reserved for when it is a callback that agent asked to make, else null.
 */
public record LeasedContact(long attemptId, long contactId, String phoneE164, int attemptNo, String timeZone,
        String firstName, String lastName, String externalId, String customFieldsJson, Long reservedFor) {
}
