package dialer.api.dnc;

import java.util.List;

import dialer.dnc.DncPage;

/**
 * One page of the do-not-call list.
 *
 * @param next the {@code after} of the next page; null on the last page
 */
public record DncPageView(List<DncEntryView> items, Long next) {
    static DncPageView of(DncPage page) {
        return new DncPageView(page.items().stream().map(DncEntryView::of).toList(), page.next().orElse(null));
    }
}
