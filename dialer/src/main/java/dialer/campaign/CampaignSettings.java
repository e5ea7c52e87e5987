package dialer.campaign;

import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalDouble;

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
 */
public record CampaignSettings(OptionalDouble dialRatio, double targetAbandonRate, AbandonWindow abandonWindow,
        CallingHours schedule, String defaultRegion, ZoneId fallbackTimeZone, RetryRules retryRules,
        int maxAttemptsTotal, int maxAttemptsPer30Days, Optional<String> callerId, Optional<String> trunk) {
}
