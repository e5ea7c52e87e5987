package dialer.dnc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import dialer.phone.PhoneNumbers;
import dialer.validation.FieldErrors;
import org.jdbi.v3.core.Jdbi;

/**
 * The do-not-call list: numbers and prefixes that must never be dialled, globally or in one campaign.
 * Adding an entry sets the {@code READY} contacts it blocks to {@code DNC}; removing one sets those that
 * nothing else blocks back to {@code READY}. Changes to the list run one at a time, so that these two
 * never race; {@link #isBlocked} is one index lookup, for the dialer to ask at lease time.
 */
public final class DncService {
    static final int MAX_PAGE_SIZE = 1000;

    private final Jdbi jdbi;
    private final DncDao entries;
    private final DncTargets targets;
    private final PhoneNumbers phoneNumbers;

    public DncService(Jdbi jdbi, PhoneNumbers phoneNumbers) {
        this.jdbi = jdbi;
        this.entries = jdbi.onDemand(DncDao.class);
        this.targets = new DncTargets(phoneNumbers);
        this.phoneNumbers = phoneNumbers;
    }

    /**
     * Adds a number ({@code 8 495 123-45-67}, {@code +74951234567}) or a prefix ({@code +7495*}); adding
     * an entry that exists returns it unchanged.
     *
     * @param campaignId the campaign it applies to; empty for every campaign
     * @param region     the region of a number written without a country code ({@code RU})
     * @throws dialer.validation.InvalidInputException naming {@code number}, {@code region} or {@code campaignId}
     */
    public DncAddition add(String number, Optional<Long> campaignId, Optional<String> region, String source) {
        DncTarget added = validTarget(number, campaignId, region, true);
        Long campaign = campaignId.orElse(null);
        return jdbi.inTransaction(handle -> {
            DncDao dao = handle.attach(DncDao.class);
            dao.lockAgainstOtherChanges();
            Optional<DncEntry> created = dao.insert(added.value(), added.kind().code(), campaign, source);
            if (created.isEmpty()) {
                return new DncAddition(dao.find(added.value(), added.kind().code(), campaign).orElseThrow(), false);
            }
            dao.markBlockedContacts(campaign, added.kind().code(), added.value());
            return new DncAddition(created.get(), true);
        });
    }

    /**
     * Adds every number and prefix of a CSV file (see {@link DncCsvReader}) in one transaction.
     *
     * @throws dialer.validation.InvalidInputException naming {@code region}, {@code campaignId} or {@code file}
     */
    public DncImportResult importCsv(InputStream csv, Optional<Long> campaignId, Optional<String> region) {
        FieldErrors errors = new FieldErrors();
        checkScope(errors, campaignId, region);
        errors.throwIfAny();
        return jdbi.inTransaction(handle -> {
            DncDao dao = handle.attach(DncDao.class);
            dao.lockAgainstOtherChanges();
            DncImport upload = new DncImport(dao, targets, campaignId, region);
            try {
                DncCsvReader.read(csv, upload::accept);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the uploaded file", e);
            }
            return upload.finish();
        });
    }

    public Optional<DncEntry> find(long id) {
        return entries.findById(id);
    }

    /** Removes the entry and returns it, or empty when there is no such entry. */
    public Optional<DncEntry> remove(long id) {
        return jdbi.inTransaction(handle -> {
            DncDao dao = handle.attach(DncDao.class);
            dao.lockAgainstOtherChanges();
            Optional<DncEntry> removed = dao.delete(id);
            removed.ifPresent(entry -> dao.releaseUnblockedContacts(entry.campaignId().orElse(null),
                    entry.target().kind().code(), entry.target().value()));
            return removed;
        });
    }

    /**
     * Entries in id order, {@code limit} at most, after the entry {@code after} (0 for the first page).
     *
     * @throws dialer.validation.InvalidInputException naming {@code limit} or {@code after}
     */
    public DncPage list(DncFilter filter, long limit, long after) {
        new FieldErrors()
                .check(limit >= 1 && limit <= MAX_PAGE_SIZE, "limit", "must be 1 to " + MAX_PAGE_SIZE)
                .check(after >= 0, "after", "must be 0 or more")
                .throwIfAny();
        int size = (int) limit;
        List<DncEntry> items = entries.list(filter.campaignId().orElse(null),
                filter.kind().map(DncKind::code).orElse(null), after, size + 1);
        return items.size() > size
                ? new DncPage(items.subList(0, size), Optional.of(items.get(size - 1).id()))
                : new DncPage(items, Optional.empty());
    }

    /**
     * Whether the list forbids dialling {@code e164} in the campaign: one indexed query.
     *
     * @throws IllegalArgumentException when {@code e164} is not in E.164 form
     */
    public boolean isBlocked(long campaignId, String e164) {
        return entries.isBlocked(DncPrefixes.of(DncTarget.number(e164).value()), campaignId, e164);
    }

    /**
     * Whether the list forbids dialling the number, written as a person would, in the campaign (or, when
     * no campaign is given, in every campaign).
     *
     * @throws dialer.validation.InvalidInputException naming {@code number}, {@code region} or {@code campaignId}
     */
    public boolean check(String number, Optional<Long> campaignId, Optional<String> region) {
        String e164 = validTarget(number, campaignId, region, false).value();
        return entries.isBlocked(DncPrefixes.of(e164), campaignId.orElse(null), e164);
    }

    /** The target {@code number} names, once the request's number, campaign and region are checked. */
    private DncTarget validTarget(String number, Optional<Long> campaignId, Optional<String> region,
            boolean prefixAllowed) {
        FieldErrors errors = new FieldErrors();
        boolean regionKnown = checkScope(errors, campaignId, region);
        Optional<DncTarget> target = targets.parse(number, region);
        errors.check(target.isPresent() || !regionKnown, "number", targets.problemWith(number, region))
                .check(prefixAllowed || target.map(t -> t.kind() == DncKind.NUMBER).orElse(true), "number",
                        "must be a number, not a prefix");
        errors.throwIfAny();
        return target.orElseThrow();
    }

    /** Checks the campaign and region a request names; returns whether the region is usable. */
    private boolean checkScope(FieldErrors errors, Optional<Long> campaignId, Optional<String> region) {
        boolean regionKnown = region.isEmpty() || phoneNumbers.isKnownRegion(region.get());
        errors.check(regionKnown, "region", "unknown region '" + region.orElse("") + "'; use an ISO 3166 code such as RU")
                .check(campaignId.isEmpty() || entries.campaignExists(campaignId.get()), "campaignId",
                        "no campaign with id " + campaignId.orElse(0L));
        return regionKnown;
    }
}
