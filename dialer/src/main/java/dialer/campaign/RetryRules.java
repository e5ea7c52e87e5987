package dialer.campaign;

/** A campaign's {@link RetryRule} for each outcome that may be retried. */
public record RetryRules(RetryRule busy, RetryRule noAnswer, RetryRule machine, RetryRule abandoned, RetryRule failed) {
    /**
     * Busy 10 min x3, no answer 2 h x3, answering machine the next day x2, abandoned 72 h x1 (the regulators'
     * 72-hour rule, which the lease also checks), failed 30 min x2. An invalid number is never retried.
     */
    public static final RetryRules DEFAULT = new RetryRules(new RetryRule(10, 3), new RetryRule(120, 3),
            new RetryRule(1440, 2), new RetryRule(4320, 1), new RetryRule(30, 2));
}
