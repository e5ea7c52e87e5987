package dialer.campaign;

import java.time.LocalTime;
import java.util.List;

import dialer.attempt.Disposition;

/**
 * A campaign as a client writes it (the JSON of the API, camelCase): unchecked, any field may be
 * missing (null). {@link CampaignService} checks it and fills in the defaults.
 */
public record CampaignInput(String name, String mode, Double dialRatio, Double targetAbandonRate,
        String abandonWindow, ScheduleInput schedule, String defaultRegion, String fallbackTimeZone,
        RetryRulesInput retryRules, Integer maxAttemptsTotal, Integer maxAttemptsPer30Days, String callerId,
        String trunk, String agentSelection, Integer wrapUpSeconds, List<DispositionInput> dispositions) {

    /** The input without the agents' settings, which take their defaults. */
    public CampaignInput(String name, String mode, Double dialRatio, Double targetAbandonRate, String abandonWindow,
            ScheduleInput schedule, String defaultRegion, String fallbackTimeZone, RetryRulesInput retryRules,
            Integer maxAttemptsTotal, Integer maxAttemptsPer30Days, String callerId, String trunk) {
        this(name, mode, dialRatio, targetAbandonRate, abandonWindow, schedule, defaultRegion, fallbackTimeZone,
                retryRules, maxAttemptsTotal, maxAttemptsPer30Days, callerId, trunk, null, null, null);
    }

    /** A disposition agents may set: {@code kind} {@code final}, {@code retry} (after {@code retryMinutes}), {@code callback} or {@code dnc}. */
    public record DispositionInput(String code, String kind, Integer retryMinutes) {
    }

    /** Calling hours: day codes {@code mon} to {@code sun}, times {@code HH:mm}. */
    public record ScheduleInput(List<String> days, String start, String end) {
    }

    /** A {@link RetryRuleInput} per outcome. */
    public record RetryRulesInput(RetryRuleInput busy, RetryRuleInput noAnswer, RetryRuleInput machine,
            RetryRuleInput abandoned, RetryRuleInput failed) {
    }

    /** See {@link RetryRule}. */
    public record RetryRuleInput(Integer delayMinutes, Integer maxRetries) {
    }

    /** The input that gives exactly these settings. */
    static CampaignInput of(String name, Mode mode, CampaignSettings settings) {
        CallingHours hours = settings.schedule();
        RetryRules retries = settings.retryRules();
        return new CampaignInput(name, mode.code(),
                settings.dialRatio().isPresent() ? settings.dialRatio().getAsDouble() : null,
                settings.targetAbandonRate(), settings.abandonWindow().code(),
                new ScheduleInput(hours.days().stream().map(CallingHours::code).toList(),
                        time(hours.start()), time(hours.end())),
                settings.defaultRegion(), settings.fallbackTimeZone().getId(),
                new RetryRulesInput(rule(retries.busy()), rule(retries.noAnswer()), rule(retries.machine()),
                        rule(retries.abandoned()), rule(retries.failed())),
                settings.maxAttemptsTotal(), settings.maxAttemptsPer30Days(),
                settings.callerId().orElse(null), settings.trunk().orElse(null), settings.agentSelection().code(),
                settings.wrapUp().map(wrapUp -> (int) wrapUp.toSeconds()).orElse(null),
                settings.dispositions().stream().map(disposition -> new DispositionInput(disposition.code(),
                        disposition.kind().code(), disposition.kind() == Disposition.Kind.RETRY ? disposition.retryMinutes() : null))
                        .toList());
    }

    private static String time(LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }

    private static RetryRuleInput rule(RetryRule rule) {
        return new RetryRuleInput(rule.delayMinutes(), rule.maxRetries());
    }
}
