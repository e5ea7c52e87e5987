package dialer.dnc;

import java.util.List;
import java.util.Optional;

/**
 * One page of entries in id order.
 *
 * @param next the {@code after} that reads the following page; empty on the last page
 */
public record DncPage(List<DncEntry> items, Optional<Long> next) {
    public DncPage {
        items = List.copyOf(items);
    }
}
