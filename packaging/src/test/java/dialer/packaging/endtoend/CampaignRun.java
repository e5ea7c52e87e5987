package dialer.packaging.endtoend;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What people do with the appliance in the scenario, over its API: an admin makes a predictive campaign
 * through the trunk {@code customers}, imports its list and makes its agents, who log in with their phones;
 * the campaign runs until every contact has been called once and every call is closed; then it is stopped and
 * the agents log out. Once most of the list is dialled, every agent leaves for a short meeting (a break):
 * the customers who answer meanwhile reach no agent, and hear the safe-harbour message.
 */
public final class CampaignRun {
    /** Retries a day later: every contact is called once during the run. */
    private static final Map<String, Integer> RETRY_TOMORROW = Map.of("delayMinutes", 1440, "maxRetries", 3);
    private static final Duration POLL = Duration.ofMillis(500);
    /** The agents' meeting starts once this share of the list is dialled (the pacing is predictive by then), and lasts this long. */
    private static final double MEETING_AT = 0.6;
    private static final Duration MEETING = Duration.ofSeconds(6);

    private final ApplianceApi api;
    private final ApplianceApi.User admin;
    private final String phones;

    /** The agents' phones all answer at {@code phonesHostPort} (one sipp serving every agent's URI). */
    public CampaignRun(ApplianceApi api, ApplianceApi.User admin, String phonesHostPort) {
        this.api = api;
        this.admin = admin;
        this.phones = phonesHostPort;
    }

    /** What the run did, as the people saw it. */
    public record Result(long campaignId, int contacts, List<AgentDesktop> desktops, JsonNode stats, double maxPacingRatio,
            int maxCallsInFlight, Duration dialling) {
    }

    /** Runs the campaign of {@code contacts} contacts with {@code agents} agents; fails after {@code limit}. */
    public Result run(int contacts, int agents, Duration limit) throws InterruptedException {
        ZoneId zone = CustomerList.zoneAtTwoPm(Instant.now());
        long campaignId = createCampaign(zone);
        importList(campaignId, CustomerList.csv(contacts, zone), contacts);
        try (AgentTeam team = AgentTeam.logIn(api, admin, campaignId, agents, phones)) {
            Instant start = Instant.now();
            api.call(admin, "POST", "/api/v1/campaigns/" + campaignId + "/start", null);
            double maxRatio = 0;
            int maxInFlight = 0;
            boolean met = false;
            JsonNode stats = stats(campaignId);
            while (!finished(stats)) {
                if (Duration.between(start, Instant.now()).compareTo(limit) > 0) {
                    throw new IllegalStateException("The campaign has not called every contact in " + limit + ": " + stats);
                }
                if (!met && stats.path("dials").asLong() >= MEETING_AT * contacts) {
                    team.meeting(MEETING);
                    met = true;
                }
                Thread.sleep(POLL.toMillis());
                stats = stats(campaignId);
                maxRatio = Math.max(maxRatio, stats.path("pacingRatio").asDouble());
                maxInFlight = Math.max(maxInFlight, stats.path("callsInFlight").asInt());
            }
            Duration dialling = Duration.between(start, Instant.now());
            api.call(admin, "POST", "/api/v1/campaigns/" + campaignId + "/stop", null);
            team.logOut();
            return new Result(campaignId, contacts, team.desktops(), stats(campaignId), maxRatio, maxInFlight, dialling);
        }
    }

    private long createCampaign(ZoneId zone) throws InterruptedException {
        return api.call(admin, "POST", "/api/v1/campaigns", Map.of("name", "End to end on SIP", "mode", "predictive",
                "targetAbandonRate", 0.10, "defaultRegion", "RU", "fallbackTimeZone", zone.getId(), "trunk", "customers",
                "callerId", "+74950000000",
                "schedule", Map.of("days", List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun"), "start", "08:00", "end", "21:00"),
                "retryRules", Map.of("busy", RETRY_TOMORROW, "noAnswer", RETRY_TOMORROW, "machine", RETRY_TOMORROW,
                        "abandoned", RETRY_TOMORROW, "failed", RETRY_TOMORROW)))
                .path("id").asLong();
    }

    private void importList(long campaignId, String csv, int contacts) throws InterruptedException {
        long importId = api.postCsv(admin, "/api/v1/campaigns/" + campaignId + "/imports?fileName=customers.csv", csv)
                .path("id").asLong();
        JsonNode status = api.get(admin, "/api/v1/imports/" + importId);
        while ("running".equals(status.path("state").asText())) {
            Thread.sleep(POLL.toMillis());
            status = api.get(admin, "/api/v1/imports/" + importId);
        }
        if (status.path("accepted").asInt() != contacts) {
            throw new IllegalStateException("The list was not imported whole: " + status);
        }
    }

    private JsonNode stats(long campaignId) throws InterruptedException {
        return api.get(admin, "/api/v1/campaigns/" + campaignId + "/stats");
    }

    /** Every contact called, every call closed: no contact left READY or DIALING, no attempt open. */
    private static boolean finished(JsonNode stats) {
        JsonNode contacts = stats.path("contactsByState");
        return contacts.path("READY").asLong() == 0 && contacts.path("DIALING").asLong() == 0 && stats.path("openAttempts").asLong() == 0;
    }
}
