package dialer.missed;

import java.util.List;
import java.util.Optional;

import dialer.campaign.Campaign;
import dialer.campaign.CampaignService;
import dialer.phone.PhoneNumber;
import dialer.phone.PhoneNumbers;
import dialer.validation.FieldError;
import org.jdbi.v3.core.Jdbi;

/**
 * Where an inbound call belongs: the group of the number called (its DID), else the default group; and the
 * caller's number in E.164. A called number without a country code is read in the default group campaign's
 * region, the caller's in the region of the campaign it belongs to.
 */
final class CallRouting {
    private final Jdbi jdbi;
    private final CampaignService campaigns;
    private final DefaultCallbackGroup defaultGroup;
    private final PhoneNumbers numbers;

    CallRouting(Jdbi jdbi, CampaignService campaigns, DefaultCallbackGroup defaultGroup, PhoneNumbers numbers) {
        this.jdbi = jdbi;
        this.campaigns = campaigns;
        this.defaultGroup = defaultGroup;
        this.numbers = numbers;
    }

    /** A call's group, its campaign, the caller and the number called (absent when not given). */
    record Route(DidGroup group, Campaign campaign, Optional<PhoneNumber> caller, Optional<String> called) {
    }

    /**
     * The route of a call from {@code callerNumber} to {@code calledNumber} (which may be absent); adds to
     * {@code errors} what is wrong with either number, and then the route's caller or called number is empty.
     */
    Route route(String callerNumber, String calledNumber, List<FieldError> errors) {
        DidGroup fallback = defaultGroup.get();
        Campaign home = campaign(fallback);
        Optional<String> called = Optional.empty();
        DidGroup group = fallback;
        if (calledNumber != null) {
            called = numbers.parse(calledNumber, home.defaultRegion()).map(PhoneNumber::e164);
            if (called.isEmpty()) {
                errors.add(new FieldError("calledNumber", "not a valid number: " + calledNumber));
            } else {
                String did = called.get();
                group = jdbi.withExtension(DidGroupDao.class, dao -> dao.groupOfNumber(did)).orElse(fallback);
            }
        }
        Campaign campaign = group == fallback ? home : campaign(group);
        Optional<PhoneNumber> caller = numbers.parse(callerNumber, campaign.defaultRegion());
        if (caller.isEmpty()) {
            errors.add(new FieldError("callerNumber", callerNumber == null || callerNumber.isBlank()
                    ? "is required" : "not a valid number for region " + campaign.defaultRegion() + ": " + callerNumber));
        }
        return new Route(group, campaign, caller, called);
    }

    private Campaign campaign(DidGroup group) {
        return campaigns.find(group.campaignId()).orElseThrow(
                () -> new IllegalStateException("DID group " + group.id() + " has no campaign"));
    }
}
