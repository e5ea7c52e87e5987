package dialer.contact;

import java.util.List;
import java.util.Optional;

import dialer.validation.ConflictException;
import dialer.validation.FieldErrors;
import org.jdbi.v3.core.Jdbi;

/** Reads a campaign's contacts and cancels those not yet called. */
public final class ContactService {
    /** The largest page. */
    public static final int MAX_LIMIT = 1000;

    private final ContactDao contacts;

    public ContactService(Jdbi jdbi) {
        this.contacts = jdbi.onDemand(ContactDao.class);
    }

    /**
     * A page of the campaign's contacts.
     *
     * @param state only contacts in this state, when given
     * @param after the {@code next} of the previous page, or empty for the first
     */
    public ContactPage page(long campaignId, Optional<String> state, int limit, Optional<Long> after) {
        new FieldErrors().check(limit >= 1 && limit <= MAX_LIMIT, "limit", "must be between 1 and " + MAX_LIMIT)
                .check(after.orElse(0L) >= 0, "after", "must not be negative")
                .throwIfAny();
        List<Contact> items = contacts.page(campaignId, state.orElse(null), after.orElse(0L), limit + 1);
        boolean more = items.size() > limit;
        List<Contact> page = more ? items.subList(0, limit) : items;
        return new ContactPage(page, more ? Optional.of(page.get(page.size() - 1).id()) : Optional.empty());
    }

    public Optional<Contact> findByExternalId(long campaignId, String externalId) {
        return contacts.findByExternalId(campaignId, externalId);
    }

    /**
     * Cancels a contact not yet called: it will not be dialled, and it and its history stay readable.
     *
     * @return the contact, or empty when there is no such contact
     * @throws ConflictException when the contact was already called or is finished
     */
    public Optional<Contact> cancel(long campaignId, String externalId) {
        Optional<Contact> contact = contacts.findByExternalId(campaignId, externalId);
        if (contact.isPresent() && !"CANCELLED".equals(contact.get().state())
                && contacts.cancel(campaignId, externalId) == 0) {
            throw new ConflictException("externalId", "contact " + externalId + " was already called ("
                    + contact.get().attemptsTotal() + " attempts, state " + contact.get().state() + "); it cannot be cancelled");
        }
        return contacts.findByExternalId(campaignId, externalId);
    }
}
