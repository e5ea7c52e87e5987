package dialer.contact;

import java.util.List;
import java.util.Optional;

/**
 * One page of a campaign's contacts, in id order.
 *
 * @param next the cursor for the following page ({@code after}), absent on the last page
 */
public record ContactPage(List<Contact> items, Optional<Long> next) {
    public ContactPage {
        items = List.copyOf(items);
    }
}
