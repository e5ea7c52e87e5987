package dialer.missed;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dialer.campaign.Campaign;
import dialer.phone.PhoneNumber;
import dialer.phone.PhoneNumbers;
import dialer.validation.ConflictException;
import dialer.validation.FieldError;
import dialer.validation.InvalidInputException;
import org.jdbi.v3.core.Jdbi;

/**
 * Creates and reads DID groups. A new group gets its callback campaign, in the same transaction, and the
 * campaign is started once both are stored, so that it dials as soon as one of its agents is free.
 */
public final class DidGroupService {
    /** The longest group name: its campaign's name ({@code Callbacks: NAME}) must fit in 100 characters. */
    public static final int MAX_NAME = 80;
    /** The most numbers one group may have. */
    public static final int MAX_DIDS = 1000;
    /** The deadline of a group that sets none, in minutes. */
    public static final int DEFAULT_DEADLINE_MINUTES = 15;
    private static final int MAX_DEADLINE_MINUTES = 1440;

    private final Jdbi jdbi;
    private final CallbackCampaigns callbackCampaigns;
    private final DefaultCallbackGroup defaultGroup;
    private final PhoneNumbers numbers;

    public DidGroupService(Jdbi jdbi, CallbackCampaigns callbackCampaigns, DefaultCallbackGroup defaultGroup, PhoneNumbers numbers) {
        this.jdbi = jdbi;
        this.callbackCampaigns = callbackCampaigns;
        this.defaultGroup = defaultGroup;
        this.numbers = numbers;
    }

    /**
     * Creates a group and its campaign (progressive for {@code auto}, preview for {@code manual}) and starts
     * the campaign.
     *
     * @throws InvalidInputException naming every bad field
     * @throws ConflictException     when the name, or a number ({@code dids[i]}), is another group's, or the
     *                               campaign's name is another campaign's
     */
    public DidGroup create(DidGroupInput input) {
        Campaign home = callbackCampaigns.service().find(defaultGroup.get().campaignId()).orElseThrow();
        String region = input.defaultRegion() == null ? home.defaultRegion() : input.defaultRegion();
        String zone = input.fallbackTimeZone() == null ? home.fallbackTimeZone().getId() : input.fallbackTimeZone();
        List<FieldError> errors = new ArrayList<>();
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            errors.add(new FieldError("name", "is required, at most " + MAX_NAME + " characters"));
        }
        Optional<CallbackMode> mode = CallbackMode.fromCode(input.mode());
        if (mode.isEmpty()) {
            errors.add(new FieldError("mode", "must be auto or manual"));
        }
        int deadline = input.deadlineMinutes() == null ? DEFAULT_DEADLINE_MINUTES : input.deadlineMinutes();
        if (deadline < 1 || deadline > MAX_DEADLINE_MINUTES) {
            errors.add(new FieldError("deadlineMinutes", "must be between 1 and " + MAX_DEADLINE_MINUTES));
        }
        if (!numbers.isKnownRegion(region)) {
            errors.add(new FieldError("defaultRegion", "must be an ISO 3166 region with numbers (RU, US), not '" + region + "'"));
        }
        Map<String, Integer> dids = dids(input.dids(), numbers.isKnownRegion(region) ? region : null, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        DidGroup group = jdbi.inTransaction(handle -> {
            Campaign campaign = callbackCampaigns.create(handle, name, mode.orElseThrow(), region, zone);
            DidGroupDao dao = handle.attach(DidGroupDao.class);
            long id = dao.insert(name, mode.orElseThrow().code(), deadline, campaign.id(), false)
                    .orElseThrow(() -> new ConflictException("name", "Another DID group is named '" + name + "'"));
            Set<String> added = new HashSet<>(dao.addNumbers(id, dids.keySet().toArray(String[]::new)));
            dids.forEach((number, index) -> {
                if (!added.contains(number)) {
                    throw new ConflictException("dids[" + index + "]", number + " belongs to another DID group");
                }
            });
            return dao.find(id).orElseThrow();
        });
        callbackCampaigns.start(group.campaignId());
        return group;
    }

    public List<DidGroup> list() {
        return jdbi.withExtension(DidGroupDao.class, DidGroupDao::list);
    }

    public Optional<DidGroup> find(long id) {
        return jdbi.withExtension(DidGroupDao.class, dao -> dao.find(id));
    }

    /** The numbers in E.164 with the index each was given at, in order; records what is wrong with each. */
    private Map<String, Integer> dids(List<String> raw, String region, List<FieldError> errors) {
        Map<String, Integer> dids = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty() || raw.size() > MAX_DIDS) {
            errors.add(new FieldError("dids", "must list 1 to " + MAX_DIDS + " called numbers"));
            return dids;
        }
        for (int i = 0; i < raw.size(); i++) {
            Optional<PhoneNumber> number = region == null ? Optional.empty() : numbers.parse(raw.get(i), region);
            if (number.isEmpty()) {
                errors.add(new FieldError("dids[" + i + "]", "not a valid number: " + raw.get(i)));
            } else if (dids.putIfAbsent(number.get().e164(), i) != null) {
                errors.add(new FieldError("dids[" + i + "]", number.get().e164() + " is listed twice"));
            }
        }
        return dids;
    }
}
