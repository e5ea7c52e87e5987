package dialer.campaign;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import dialer.agent.AgentSelection;
import dialer.attempt.Disposition;
import dialer.phone.PhoneNumber;
import dialer.phone.PhoneNumbers;
import dialer.validation.FieldErrors;

/**
 * Checks a {@link CampaignInput} and fills in its defaults. Required: {@code name}, {@code mode},
 * {@code defaultRegion}, {@code fallbackTimeZone}, and {@code dialRatio} in power mode (and only there).
 */
final class CampaignInputParser {
    static final int MAX_NAME_LENGTH = 100;
    static final double MAX_DIAL_RATIO = 5.0;
    static final double DEFAULT_TARGET_ABANDON_RATE = 0.03;
    static final double MAX_TARGET_ABANDON_RATE = 0.10;
    static final int DEFAULT_MAX_ATTEMPTS = 10;
    static final int MAX_ATTEMPTS = 100;
    /** libphonenumber's "unknown region": only numbers written with their country code parse. */
    private static final String NO_REGION = "ZZ";

    private final PhoneNumbers phoneNumbers;

    CampaignInputParser(PhoneNumbers phoneNumbers) {
        this.phoneNumbers = phoneNumbers;
    }

    /** A campaign's checked name, mode and settings. */
    record Parsed(String name, Mode mode, CampaignSettings settings) {
        /** The normalised input that gives this campaign again. */
        CampaignInput input() {
            return CampaignInput.of(name, mode, settings);
        }
    }

    /** @throws dialer.validation.InvalidInputException naming every field that breaks a rule */
    Parsed parse(CampaignInput input) {
        FieldErrors errors = new FieldErrors();
        String name = input.name() == null ? "" : input.name().strip();
        errors.check(!name.isEmpty(), "name", "is required")
                .check(name.length() <= MAX_NAME_LENGTH, "name", "must be at most " + MAX_NAME_LENGTH + " characters");
        Optional<Mode> mode = code(Mode.class, input.mode(), "mode", errors);
        errors.check(input.mode() != null, "mode", "is required; one of " + Coded.codes(Mode.class));
        checkDialRatio(input.dialRatio(), mode, errors);
        double abandonRate = input.targetAbandonRate() == null
                ? DEFAULT_TARGET_ABANDON_RATE : input.targetAbandonRate();
        errors.check(abandonRate > 0 && abandonRate <= MAX_TARGET_ABANDON_RATE, "targetAbandonRate",
                "must be above 0 and at most " + MAX_TARGET_ABANDON_RATE);
        Optional<AbandonWindow> window = input.abandonWindow() == null
                ? Optional.of(AbandonWindow.DAYS_30) : code(AbandonWindow.class, input.abandonWindow(), "abandonWindow", errors);
        Optional<CallingHours> schedule = ScheduleParser.parse(input.schedule(), errors);
        errors.check(phoneNumbers.isKnownRegion(input.defaultRegion()), "defaultRegion",
                "must be an ISO 3166 region with telephone numbers, such as RU or US");
        errors.check(input.fallbackTimeZone() != null && ZoneId.getAvailableZoneIds().contains(input.fallbackTimeZone()),
                "fallbackTimeZone", "must be an IANA time zone, such as Europe/Moscow or America/New_York");
        Optional<RetryRules> retryRules = RetryRulesParser.parse(input.retryRules(), errors);
        int total = input.maxAttemptsTotal() == null ? DEFAULT_MAX_ATTEMPTS : input.maxAttemptsTotal();
        boolean totalValid = total >= 1 && total <= MAX_ATTEMPTS;
        errors.check(totalValid, "maxAttemptsTotal", "must be 1 to " + MAX_ATTEMPTS);
        int cap = totalValid ? total : MAX_ATTEMPTS;
        int per30Days = input.maxAttemptsPer30Days() == null
                ? Math.min(DEFAULT_MAX_ATTEMPTS, cap) : input.maxAttemptsPer30Days();
        errors.check(per30Days >= 1 && per30Days <= cap, "maxAttemptsPer30Days",
                "must be 1 to maxAttemptsTotal (" + cap + ")");
        errors.check(input.callerId() == null || isE164(input.callerId()), "callerId",
                "must be a valid number in E.164 form, such as +74951234567");
        errors.check(input.trunk() == null || !input.trunk().isBlank(), "trunk",
                "must not be blank; leave it out for the default trunk")
                .check(input.trunk() == null || input.trunk().length() <= MAX_NAME_LENGTH, "trunk",
                        "must be at most " + MAX_NAME_LENGTH + " characters");
        Optional<AgentSelection> selection = AgentHandlingParser.selection(input.agentSelection(), errors);
        Optional<Duration> wrapUp = AgentHandlingParser.wrapUp(input.wrapUpSeconds(), errors);
        List<Disposition> dispositions = AgentHandlingParser.dispositions(input.dispositions(), errors);
        errors.throwIfAny();
        return new Parsed(name, mode.orElseThrow(), new CampaignSettings(
                input.dialRatio() == null ? OptionalDouble.empty() : OptionalDouble.of(input.dialRatio()),
                abandonRate, window.orElseThrow(), schedule.orElseThrow(),
                input.defaultRegion().toUpperCase(Locale.ROOT), ZoneId.of(input.fallbackTimeZone()),
                retryRules.orElseThrow(), total, per30Days,
                Optional.ofNullable(input.callerId()), Optional.ofNullable(input.trunk()).map(String::strip),
                selection.orElseThrow(), wrapUp, dispositions));
    }

    private static void checkDialRatio(Double dialRatio, Optional<Mode> mode, FieldErrors errors) {
        boolean power = mode.filter(Mode.POWER::equals).isPresent();
        if (power) {
            errors.check(dialRatio != null, "dialRatio", "is required in power mode");
        } else {
            errors.check(dialRatio == null || mode.isEmpty(), "dialRatio",
                    "is for power mode only; leave it out or set it to null");
        }
        errors.check(dialRatio == null || (dialRatio > 1.0 && dialRatio <= MAX_DIAL_RATIO), "dialRatio",
                "must be above 1.0 and at most " + MAX_DIAL_RATIO);
    }

    private boolean isE164(String number) {
        return phoneNumbers.parse(number, NO_REGION).map(PhoneNumber::e164).filter(number::equals).isPresent();
    }

    private static <E extends Enum<E> & Coded> Optional<E> code(Class<E> type, String code, String field,
            FieldErrors errors) {
        Optional<E> constant = Coded.fromCode(type, code);
        errors.check(code == null || constant.isPresent(), field,
                "unknown " + field + " '" + code + "'; known: " + Coded.codes(type));
        return constant;
    }
}
