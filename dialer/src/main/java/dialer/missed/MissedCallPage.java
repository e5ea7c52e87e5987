package dialer.missed;

import java.util.List;
import java.util.Optional;

/**
 * One page of missed calls in id order.
 *
 * @param next the {@code after} that reads the following page; empty on the last page
 */
public record MissedCallPage(List<MissedCall> items, Optional<Long> next) {
    public MissedCallPage {
        items = List.copyOf(items);
    }
}
