package dialer.contact.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.result.ResultIterator;

/**
 * The do-not-call entries that apply to one campaign (its own and the global ones), numbers and prefixes,
 * held in memory as {@link PhoneKeys} so that rows are screened without asking the database. Read-only
 * once loaded, so thread-safe.
 */
final class DncScreen {
    private static final int FETCH_SIZE = 10_000;

    private final LongOpenHashSet numbers;
    private final LongOpenHashSet prefixes;

    private DncScreen(LongOpenHashSet numbers, LongOpenHashSet prefixes) {
        this.numbers = numbers;
        this.prefixes = prefixes;
    }

    /**
     * Reads the entries that apply to the campaign, unless there are more than {@code maxEntries}. The
     * caller holds {@code dnc_entries} against changes until its transaction ends.
     *
     * @return the entries, or empty when there are too many to hold
     */
    static Optional<DncScreen> load(Handle handle, long campaignId, int maxEntries) {
        LongOpenHashSet numbers = new LongOpenHashSet();
        LongOpenHashSet prefixes = new LongOpenHashSet();
        try (ResultIterator<Entry> entries = handle.createQuery("""
                        SELECT phone_e164, kind = 'prefix' AS prefix FROM dnc_entries
                        WHERE campaign_id IS NULL OR campaign_id = :campaign""")
                .bind("campaign", campaignId)
                .setFetchSize(FETCH_SIZE)
                .map((rs, ctx) -> new Entry(PhoneKeys.of(rs.getString(1)), rs.getBoolean(2)))
                .iterator()) {
            while (entries.hasNext()) {
                Entry entry = entries.next();
                (entry.prefix ? prefixes : numbers).add(entry.key);
                if (numbers.size() + prefixes.size() > maxEntries) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new DncScreen(numbers, prefixes));
    }

    /** Whether more than {@code maxEntries} do-not-call entries apply to the campaign's contacts. */
    static boolean moreThan(Handle handle, long campaignId, int maxEntries) {
        return handle.createQuery("SELECT count(*) FROM (SELECT 1 FROM dnc_entries"
                        + " WHERE campaign_id IS NULL OR campaign_id = :campaign LIMIT :limit) entries")
                .bind("campaign", campaignId).bind("limit", maxEntries + 1).mapTo(Long.class).one() > maxEntries;
    }

    /** Entries given as they are, for tests and callers that have them. */
    static DncScreen of(List<String> numbers, List<String> prefixes) {
        LongOpenHashSet numberKeys = new LongOpenHashSet();
        LongOpenHashSet prefixKeys = new LongOpenHashSet();
        numbers.forEach(number -> numberKeys.add(PhoneKeys.of(number)));
        prefixes.forEach(prefix -> prefixKeys.add(PhoneKeys.of(prefix)));
        return new DncScreen(numberKeys, prefixKeys);
    }

    /** Why the number may not be called, as a reject's detail; null when it may. */
    String blocks(long phone) {
        if (numbers.contains(phone)) {
            return "on the do-not-call list";
        }
        if (!prefixes.isEmpty()) {
            for (long prefix = phone; prefix > 0; prefix /= 10) {
                if (prefixes.contains(prefix)) {
                    return "on the do-not-call list: " + PhoneKeys.text(prefix) + "*";
                }
            }
        }
        return null;
    }

    /** The numbers, in E.164, that may be called, in their order. */
    List<String> callable(List<String> e164s) {
        if (e164s.isEmpty()) {
            return e164s;
        }
        List<String> callable = new ArrayList<>(e164s.size());
        for (String number : e164s) {
            if (blocks(PhoneKeys.of(number)) == null) {
                callable.add(number);
            }
        }
        return callable;
    }

    private record Entry(long key, boolean prefix) {
    }
}
