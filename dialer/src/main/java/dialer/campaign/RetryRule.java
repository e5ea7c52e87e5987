package dialer.campaign;

/** When to call a contact again after one outcome: {@code delayMinutes} later, at most {@code maxRetries} times. */
public record RetryRule(int delayMinutes, int maxRetries) {
    public RetryRule {
        if (delayMinutes < 1 || maxRetries < 0) {
            throw new IllegalArgumentException("a retry waits at least a minute, at most 0 or more times: "
                    + delayMinutes + " min x" + maxRetries);
        }
    }
}
