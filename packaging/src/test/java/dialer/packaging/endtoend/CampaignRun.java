package dialer.packaging.endtoend;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What people do with the appliance in the scenario, over its API: an admin makes agents, a predictive
 * campaign through the trunk {@code customers} and imports its list; the agents log in with their phones;
 * the campaign runs until every contact has been called once and every call is closed; then it is stopped and
 * the agents log out. Once most of the list is dialled, every agent leaves for a short meeting (a break):
 * the customers who answer meanwhile reach no agent, and hear the safe-harbour message.
 */
public final class CampaignRun {
    /** The dispositions agents set, in turn: every kind the default campaign knows. */
    static final List<String> CODES = List.of("sale", "not-interested", "no-decision", "callback", "do-not-call");
    /** Retries a day later: every contact is called once during the run. */
    private static final Map<String, Integer> RETRY_TOMORROW = Map.of("delayMinutes", 1440, "maxRetries", 3);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PHONES_LIMIT = Duration.ofSeconds(15);
    /** The meeting starts once this share of the list is dialled (the pacing is predictive by then), and lasts this long. */
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
        List<AgentDesktop> desktops = logIn(campaignId, agents);
        try {
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
                    meeting(desktops);
                    met = true;
                }
                Thread.sleep(POLL.toMillis());
                stats = stats(campaignId);
                maxRatio = Math.max(maxRatio, stats.path("pacingRatio").asDouble());
                maxInFlight = Math.max(maxInFlight, stats.path("callsInFlight").asInt());
            }
            Duration dialling = Duration.between(start, Instant.now());
            api.call(admin, "POST", "/api/v1/campaigns/" + campaignId + "/stop", null);
            for (AgentDesktop desktop : desktops) {
                desktop.logOut();
            }
            return new Result(campaignId, contacts, desktops, stats(campaignId), maxRatio, maxInFlight, dialling);
        } finally {
            desktops.forEach(AgentDesktop::close);
        }
    }

    private static void meeting(List<AgentDesktop> desktops) throws InterruptedException {
        for (AgentDesktop desktop : desktops) {
            desktop.choose("break", "meeting");
        }
        Thread.sleep(MEETING.toMillis());
        for (AgentDesktop desktop : desktops) {
            desktop.choose("ready", null);
        }
    }

    private long createCampaign(ZoneId zone) throws InterruptedException {
        return api.call(admin, "POST", "/api/v1/campaigns", Map.of("name", "End to end on SIP", "mode", "predictive", "targetAbandonRate", 0.10,
                "schedule", Map.of("days", List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun"), "start", "08:00", "end", "21:00"),
                "defaultRegion", "RU", "fallbackTimeZone", zone.getId(), "trunk", "customers", "callerId", "+74950000000",
                "retryRules", Map.of("busy", RETRY_TOMORROW, "noAnswer", RETRY_TOMORROW, "machine", RETRY_TOMORROW,
                        "abandoned", RETRY_TOMORROW, "failed", RETRY_TOMORROW)))
                .path("id").asLong();
    }

    private void importList(long campaignId, String csv, int contacts) throws InterruptedException {
        long importId = api.postCsv(admin, "/api/v1/campaigns/" + campaignId + "/imports?fileName=customers.csv", csv).path("id").asLong();
        JsonNode status = api.get(admin, "/api/v1/imports/" + importId);
        while ("running".equals(status.path("state").asText())) {
            Thread.sleep(POLL.toMillis());
            status = api.get(admin, "/api/v1/imports/" + importId);
        }
        if (status.path("accepted").asInt() != contacts) {
            throw new IllegalStateException("The list was not imported whole: " + status);
        }
    }

    private List<AgentDesktop> logIn(long campaignId, int agents) throws InterruptedException {
        List<ApplianceApi.User> users = new ArrayList<>();
        List<Map<String, Object>> assignments = new ArrayList<>();
        for (int i = 1; i <= agents; i++) {
            ApplianceApi.User user = new ApplianceApi.User(String.format("agent-%02d", i), "password-of-agent-" + i);
            long userId = api.call(admin, "POST", "/api/v1/users",
                    Map.of("username", user.username(), "password", user.password(), "roles", List.of("agent"))).path("id").asLong();
            users.add(user);
            assignments.add(Map.of("userId", userId, "skillLevel", 5));
        }
        api.call(admin, "PUT", "/api/v1/campaigns/" + campaignId + "/agents", assignments);
        List<AgentDesktop> desktops = new ArrayList<>();
        for (ApplianceApi.User user : users) {
            AgentDesktop desktop = new AgentDesktop(api, user, "sip:" + user.username() + "@" + phones,
                    rotated(CODES, desktops.size()), desktops.size());
            desktops.add(desktop);
            desktop.logIn();
        }
        awaitPhones(desktops);
        return desktops;
    }

    private static void awaitPhones(List<AgentDesktop> desktops) throws InterruptedException {
        long deadline = System.nanoTime() + PHONES_LIMIT.toNanos();
        for (AgentDesktop desktop : desktops) {
            while (!desktop.phoneConnected()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("An agent's phone did not answer the appliance in " + PHONES_LIMIT);
                }
                Thread.sleep(100);
            }
        }
    }

    private static List<String> rotated(List<String> codes, int by) {
        List<String> rotated = new ArrayList<>(codes);
        Collections.rotate(rotated, -by);
        return rotated;
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
