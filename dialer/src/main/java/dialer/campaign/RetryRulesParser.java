package dialer.campaign;

import java.util.Optional;

import dialer.campaign.CampaignInput.RetryRuleInput;
import dialer.campaign.CampaignInput.RetryRulesInput;
import dialer.validation.FieldErrors;

/** Reads {@code retryRules}: a missing outcome or value takes its {@link RetryRules#DEFAULT}. */
final class RetryRulesParser {
    static final int MAX_DELAY_MINUTES = 30 * 24 * 60;
    static final int MAX_RETRIES = 100;

    private RetryRulesParser() {
    }

    /** The rules, or empty when {@code errors} got at least one {@code retryRules.*} error. */
    static Optional<RetryRules> parse(RetryRulesInput input, FieldErrors errors) {
        RetryRulesInput given = input == null ? new RetryRulesInput(null, null, null, null, null) : input;
        RetryRules defaults = RetryRules.DEFAULT;
        Optional<RetryRule> busy = rule(given.busy(), defaults.busy(), "busy", errors);
        Optional<RetryRule> noAnswer = rule(given.noAnswer(), defaults.noAnswer(), "noAnswer", errors);
        Optional<RetryRule> machine = rule(given.machine(), defaults.machine(), "machine", errors);
        Optional<RetryRule> abandoned = rule(given.abandoned(), defaults.abandoned(), "abandoned", errors);
        Optional<RetryRule> failed = rule(given.failed(), defaults.failed(), "failed", errors);
        if (busy.isEmpty() || noAnswer.isEmpty() || machine.isEmpty() || abandoned.isEmpty() || failed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RetryRules(busy.get(), noAnswer.get(), machine.get(), abandoned.get(), failed.get()));
    }

    private static Optional<RetryRule> rule(RetryRuleInput input, RetryRule defaults, String outcome,
            FieldErrors errors) {
        RetryRuleInput given = input == null ? new RetryRuleInput(null, null) : input;
        int delay = given.delayMinutes() == null ? defaults.delayMinutes() : given.delayMinutes();
        int retries = given.maxRetries() == null ? defaults.maxRetries() : given.maxRetries();
        boolean delayValid = delay >= 1 && delay <= MAX_DELAY_MINUTES;
        boolean retriesValid = retries >= 0 && retries <= MAX_RETRIES;
        errors.check(delayValid, "retryRules." + outcome + ".delayMinutes",
                "must be 1 to " + MAX_DELAY_MINUTES + " (30 days)");
        errors.check(retriesValid, "retryRules." + outcome + ".maxRetries", "must be 0 to " + MAX_RETRIES);
        return delayValid && retriesValid ? Optional.of(new RetryRule(delay, retries)) : Optional.empty();
    }
}
