package dialer.api.campaign;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import dialer.campaign.Campaign;
import dialer.engine.LiveFigures;
import dialer.stats.CampaignReport;

/**
 * A campaign's figures: live ones on this node ({@code callsInFlight}, {@code callsWaitingForAgent},
 * {@code agentsByState}, {@code occupancy}, {@code pacingRatio}) and those the database holds (attempts
 * since the campaign began, abandonment rates, contacts by state, compliance skips by reason).
 */
public record CampaignStatsView(long campaignId, String state, int callsInFlight, int callsWaitingForAgent,
        Map<String, Integer> agentsByState, Double occupancy, Double pacingRatio, long dials, long liveAnswers,
        long abandoned, double abandonRate24h, double abandonRate30d, long openAttempts,
        Map<String, Long> contactsByState, Map<String, Long> complianceSkips) {

    static CampaignStatsView of(Campaign campaign, LiveFigures live, CampaignReport report) {
        Map<String, Integer> agents = new LinkedHashMap<>();
        live.agentsByState().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> agents.put(entry.getKey().code(), entry.getValue()));
        return new CampaignStatsView(campaign.id(), campaign.state().code(), live.callsInFlight(),
                live.callsWaitingForAgent(), agents, live.occupancy(), live.pacingRatio(), report.dials(),
                report.liveAnswers(), report.abandoned(), report.abandonRate24h(), report.abandonRate30d(),
                report.openAttempts(), new TreeMap<>(report.contactsByState()),
                new TreeMap<>(report.complianceSkips()));
    }
}
