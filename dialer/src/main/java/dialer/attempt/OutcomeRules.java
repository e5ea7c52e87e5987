package dialer.attempt;

import java.time.Duration;
import java.time.Instant;

import dialer.campaign.Campaign;
import dialer.campaign.Mode;
import dialer.campaign.RetryRule;

/**
 * What a campaign's rules make of an attempt's end: a network outcome follows the campaign's retry rules
 * (an invalid number is never retried; an abandoned call waits at least 72 hours, except in preview and
 * progressive modes, where no call is placed without an agent); a connected call follows its disposition.
 */
public final class OutcomeRules {
    /** The regulators' wait after an abandoned call before calling the same person again. */
    public static final Duration ABANDONED_WAIT = Duration.ofHours(72);

    private OutcomeRules() {
    }

    /** After a call that reached no agent. */
    public static NextStep afterNetwork(Campaign campaign, Outcome outcome, Instant now) {
        if (outcome == Outcome.INVALID_NUMBER) {
            return NextStep.end("FAILED");
        }
        RetryRule rule = outcome.retryRule(campaign.settings().retryRules())
                .orElseThrow(() -> new IllegalArgumentException(outcome + " is not a network outcome"));
        Duration wait = Duration.ofMinutes(rule.delayMinutes());
        if (outcome == Outcome.ABANDONED && abandonedGuard(campaign) && wait.compareTo(ABANDONED_WAIT) < 0) {
            wait = ABANDONED_WAIT;
        }
        return NextStep.retry(now.plus(wait), rule.maxRetries(), outcome == Outcome.ABANDONED);
    }

    /**
     * After a connected call, as the agent's disposition says.
     *
     * @throws IllegalArgumentException for a callback without a time in the future
     */
    public static NextStep afterDisposition(Disposition disposition, Instant callbackAt, Long callbackOwner, Instant now) {
        return switch (disposition.kind()) {
            case FINAL -> NextStep.end("COMPLETED");
            case DNC -> NextStep.end("DNC");
            case RETRY -> NextStep.retry(now.plus(Duration.ofMinutes(disposition.retryMinutes())), Integer.MAX_VALUE, false);
            case CALLBACK -> {
                if (callbackAt == null || !callbackAt.isAfter(now)) {
                    throw new IllegalArgumentException("a callback needs callbackAt, a time in the future");
                }
                yield NextStep.callback(callbackAt, callbackOwner);
            }
        };
    }

    /** Whether the 72-hour rule applies: it does to every mode that may dial before an agent is free. */
    public static boolean abandonedGuard(Campaign campaign) {
        return campaign.mode() != Mode.PREVIEW && campaign.mode() != Mode.PROGRESSIVE;
    }
}
