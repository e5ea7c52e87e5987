package dialer.stats;

import java.util.Map;

/**
 * A campaign's figures, as the attempts and contacts tables hold them: attempts placed ({@code dials}),
 * live answers, abandoned ones, the abandonment rate over 24 hours and 30 days, attempts still open,
 * contacts by state, and contacts the lease passed over, by compliance rule.
 */
public record CampaignReport(long dials, long liveAnswers, long abandoned, double abandonRate24h, double abandonRate30d,
        long openAttempts, Map<String, Long> contactsByState, Map<String, Long> complianceSkips) {
    public CampaignReport {
        contactsByState = Map.copyOf(contactsByState);
        complianceSkips = Map.copyOf(complianceSkips);
    }
}
