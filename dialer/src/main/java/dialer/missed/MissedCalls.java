package dialer.missed;

import java.util.List;
import java.util.Optional;

import dialer.validation.FieldErrors;
import org.jdbi.v3.core.Jdbi;

/** Reads the missed calls: one, or a page of them in id order. */
public final class MissedCalls {
    /** The largest page. */
    public static final int MAX_LIMIT = 1000;
    private static final List<String> STATES = List.of(MissedCall.OPEN, MissedCall.RESOLVED_BY_CUSTOMER);

    private final Jdbi jdbi;

    public MissedCalls(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<MissedCall> find(long id) {
        return jdbi.withExtension(MissedCallDao.class, dao -> dao.find(id));
    }

    /**
     * A page of missed calls.
     *
     * @param state only those in this state, when given
     * @param after the {@code next} of the previous page, or empty for the first
     * @throws dialer.validation.InvalidInputException naming each bad parameter
     */
    public MissedCallPage page(Optional<String> state, int limit, Optional<Long> after) {
        new FieldErrors().check(state.map(STATES::contains).orElse(true), "state", "must be one of " + String.join(", ", STATES))
                .check(limit >= 1 && limit <= MAX_LIMIT, "limit", "must be between 1 and " + MAX_LIMIT)
                .check(after.orElse(0L) >= 0, "after", "must not be negative")
                .throwIfAny();
        List<MissedCall> items = jdbi.withExtension(MissedCallDao.class,
                dao -> dao.page(state.orElse(null), after.orElse(0L), limit + 1));
        boolean more = items.size() > limit;
        List<MissedCall> page = more ? items.subList(0, limit) : items;
        return new MissedCallPage(page, more ? Optional.of(page.get(page.size() - 1).id()) : Optional.empty());
    }
}
