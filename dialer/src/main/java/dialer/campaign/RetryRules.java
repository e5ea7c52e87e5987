package dialer.campaign;

/** A campaign's {@link RetryRule} for each outcome that may be retried. */
public record RetryRules(RetryRule busy, RetryRule noAnswer, RetryRule machine, RetryRule abandoned, RetryRule failed) {
    /**
     * Busy 10 min x3, no answer 60 min x3, answering machine 4 h x2, abandoned 24 h x1 (the regulators'
     * 72-hour rule for abandoned calls is applied by the compliance rules, on top), failed 30 min x2.
     */
    public static final RetryRules DEFAULT = new RetryRules(new RetryRule(10, 3), new RetryRule(60, 3),
            new RetryRule(240, 2), new RetryRule(1440, 1), new RetryRule(30, 2));
}
