package dialer.campaign;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import dialer.agent.AgentSelection;
import dialer.attempt.Disposition;

/**
 * How a campaign dials, every value checked and every default filled in.
 *
 * @param dialRatio            calls per free agent; present in {@link Mode#POWER} only
 * @param targetAbandonRate    the abandonment rate the pacing keeps under (0.03 = 3 %)
 * @param abandonWindow        the period that rate is measured over
 * @param schedule             calling hours in the contact's local time
 * @param defaultRegion        ISO 3166 region of numbers written without a country code ({@code RU}, {@code US})
 * @param fallbackTimeZone     the contact's time zone when its number does not tell one
 * @param retryRules           when to call again after each outcome
 * @param maxAttemptsTotal     attempts per contact, ever
 * @param maxAttemptsPer30Days attempts per contact in any 30 days, at most {@code maxAttemptsTotal}
 * @param callerId             the number shown to the callee (E.164), else the trunk's
 * @param trunk                the trunk to dial through, else the appliance's default
 * @param agentSelection       how an answered call's agent is chosen
 * @param wrapUp               how long agents may take to set a disposition, else the appliance's default
 * @param dispositions         the dispositions agents may set, by code
 */
public record CampaignSettings(OptionalDouble dialRatio, double targetAbandonRate, AbandonWindow abandonWindow,
        CallingHours schedule, String defaultRegion, ZoneId fallbackTimeZone, RetryRules retryRules,
        int maxAttemptsTotal, int maxAttemptsPer30Days, Optional<String> callerId, Optional<String> trunk,
        AgentSelection agentSelection, Optional<Duration> wrapUp, List<Disposition> dispositions) {
    public CampaignSettings {
        dispositions = List.copyOf(dispositions);
    }

    /** The campaign's disposition with this code. */
    public Optional<Disposition> disposition(String code) {
        return dispositions.stream().filter(disposition -> disposition.code().equals(code)).findFirst();
    }
}
