package dialer.missed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dialer.campaign.CampaignService;
import dialer.phone.PhoneNumbers;
import dialer.validation.FieldError;
import dialer.validation.InvalidInputException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Takes missed inbound calls and answered ones. A caller's first missed call opens a callback: a contact
 * of high priority in the campaign of the group of the number called (the default group's for a number of
 * no group) and an {@code open} missed call. Further missed calls from the caller while it is open count on
 * it. An answered inbound call from the caller closes it as {@code resolved-by-customer} and cancels its
 * contact, unless a call to the contact is in progress: that call goes on, and its outcome decides what
 * follows for the contact, as for any call. Each caller's changes run one at a time (a transaction-level
 * advisory lock on the number), so two reports at once still make one callback.
 */
public final class MissedCallIntake {
    /** The longest IVR path kept. */
    public static final int MAX_IVR_PATH = 100;
    private static final int MAX_WAITED_SECONDS = 86_400;
    /** First key of the advisory lock that serialises the changes to one caller's callback. */
    private static final int CALLER_LOCK_NAMESPACE = 0x0CA11E;

    private final Jdbi jdbi;
    private final CallRouting routing;

    public MissedCallIntake(Jdbi jdbi, CampaignService campaigns, DefaultCallbackGroup defaultGroup, PhoneNumbers numbers) {
        this.jdbi = jdbi;
        this.routing = new CallRouting(jdbi, campaigns, defaultGroup, numbers);
    }

    /** What a missed call did: opened a callback, or counted on the caller's open one. */
    public record Recorded(MissedCall missedCall, boolean opened) {
    }

    /**
     * Records a missed call.
     *
     * @throws InvalidInputException naming every bad field
     */
    public Recorded record(MissedCallInput input) {
        List<FieldError> errors = new ArrayList<>();
        CallRouting.Route route = routing.route(input.callerNumber(), input.calledNumber(), errors);
        Optional<Instant> startedAt = Timestamps.read("startedAt", input.startedAt(), errors);
        Optional<MissedReason> reason = MissedReason.fromCode(input.reason());
        if (reason.isEmpty()) {
            errors.add(new FieldError("reason", (input.reason() == null ? "is required" : "unknown reason '" + input.reason() + "'")
                    + "; known: " + MissedReason.codes()));
        }
        if (input.waitedSeconds() != null && (input.waitedSeconds() < 0 || input.waitedSeconds() > MAX_WAITED_SECONDS)) {
            errors.add(new FieldError("waitedSeconds", "must be between 0 and " + MAX_WAITED_SECONDS));
        }
        if (input.ivrPath() != null && input.ivrPath().length() > MAX_IVR_PATH) {
            errors.add(new FieldError("ivrPath", "must be at most " + MAX_IVR_PATH + " characters"));
        }
        return forCaller(route, errors, (handle, dao, caller) -> {
            Optional<Long> open = dao.openOf(caller);
            if (open.isPresent()) {
                dao.countAgain(open.get(), Timestamps.utc(startedAt.orElseThrow()));
                return new Recorded(dao.find(open.get()).orElseThrow(), false);
            }
            Map<String, String> details = new LinkedHashMap<>();
            details.put("missedCallReason", reason.orElseThrow().code());
            route.called().ifPresent(called -> details.put("calledNumber", called));
            Optional.ofNullable(input.ivrPath()).ifPresent(path -> details.put("ivrPath", path));
            long contactId = CallbackContacts.open(handle, route.campaign(), route.caller().orElseThrow(), details);
            long id = dao.insert(caller, route.called().orElse(null), route.group().id(), route.campaign().id(), contactId,
                    reason.orElseThrow().code(), input.ivrPath(), input.waitedSeconds(), Timestamps.utc(startedAt.orElseThrow()));
            return new Recorded(dao.find(id).orElseThrow(), true);
        });
    }

    /**
     * Closes the caller's open callback as resolved by the customer, unless its last missed call came after
     * {@code answeredAt} (then it stays open).
     *
     * @return the callback as it is now; empty when the caller has none open
     * @throws InvalidInputException naming every bad field
     */
    public Optional<MissedCall> resolveByCustomer(InboundAnswerInput input) {
        List<FieldError> errors = new ArrayList<>();
        CallRouting.Route route = routing.route(input.callerNumber(), input.calledNumber(), errors);
        Optional<Instant> answeredAt = Timestamps.read("answeredAt", input.answeredAt(), errors);
        return forCaller(route, errors, (handle, dao, caller) -> {
            Optional<MissedCall> open = dao.openOf(caller).flatMap(dao::find);
            if (open.isEmpty() || open.get().lastMissedAt().isAfter(answeredAt.orElseThrow())) {
                return open;
            }
            dao.resolveByCustomer(open.get().id(), Timestamps.utc(answeredAt.orElseThrow()));
            CallbackContacts.cancel(handle, open.get().campaignId(), open.get().contactId());
            return dao.find(open.get().id());
        });
    }

    /** What one transaction does to a caller's callback, the caller's lock held. */
    private interface CallerWork<T> {
        T apply(Handle handle, MissedCallDao dao, String caller);
    }

    /**
     * Runs {@code work} in a transaction that first takes the advisory lock on the route's caller, so that
     * the caller's reports apply one at a time.
     *
     * @throws InvalidInputException naming the {@code errors}, when there are any
     */
    private <T> T forCaller(CallRouting.Route route, List<FieldError> errors, CallerWork<T> work) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String caller = route.caller().orElseThrow().e164();
        return jdbi.inTransaction(handle -> {
            handle.execute("SELECT pg_advisory_xact_lock(?, hashtext(?))", CALLER_LOCK_NAMESPACE, caller);
            return work.apply(handle, handle.attach(MissedCallDao.class), caller);
        });
    }
}
