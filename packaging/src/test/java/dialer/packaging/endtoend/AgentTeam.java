package dialer.packaging.endtoend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The scenario's agents: users an admin makes and gives the campaign, each at a desktop and with a phone on the
 * agents' sipp, setting the default campaign's dispositions in turn (each agent starting at another code).
 */
final class AgentTeam implements AutoCloseable {
    private static final List<String> CODES = List.of("sale", "not-interested", "no-decision", "callback", "do-not-call");
    private static final Duration PHONES_LIMIT = Duration.ofSeconds(15);

    private final List<AgentDesktop> desktops;

    private AgentTeam(List<AgentDesktop> desktops) {
        this.desktops = desktops;
    }

    /**
     * Makes {@code agents} agents of campaign {@code campaignId}, logs them in with phones at {@code phonesHostPort}
     * and waits for the appliance's calls to those phones to be up.
     */
    static AgentTeam logIn(ApplianceApi api, ApplianceApi.User admin, long campaignId, int agents, String phonesHostPort)
            throws InterruptedException {
        List<Map<String, Object>> assignments = new ArrayList<>();
        List<AgentDesktop> desktops = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            ApplianceApi.User user = new ApplianceApi.User(String.format("agent-%02d", i + 1), "password-of-agent-" + (i + 1));
            long userId = api.call(admin, "POST", "/api/v1/users",
                    Map.of("username", user.username(), "password", user.password(), "roles", List.of("agent"))).path("id").asLong();
            assignments.add(Map.of("userId", userId, "skillLevel", 5));
            List<String> codes = new ArrayList<>(CODES);
            Collections.rotate(codes, -i);
            desktops.add(new AgentDesktop(api, user, "sip:" + user.username() + "@" + phonesHostPort, codes, i));
        }
        api.call(admin, "PUT", "/api/v1/campaigns/" + campaignId + "/agents", assignments);
        AgentTeam team = new AgentTeam(desktops);
        try {
            for (AgentDesktop desktop : desktops) {
                desktop.logIn();
            }
            team.awaitPhones();
            return team;
        } catch (InterruptedException | RuntimeException e) {
            team.close();
            throw e;
        }
    }

    private void awaitPhones() throws InterruptedException {
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

    List<AgentDesktop> desktops() {
        return List.copyOf(desktops);
    }

    /** Every agent takes a break (those on a call or in wrap-up after it) for {@code length}, then is ready again. */
    void meeting(Duration length) throws InterruptedException {
        for (AgentDesktop desktop : desktops) {
            desktop.choose("break", "meeting");
        }
        Thread.sleep(length.toMillis());
        for (AgentDesktop desktop : desktops) {
            desktop.choose("ready", null);
        }
    }

    void logOut() throws InterruptedException {
        for (AgentDesktop desktop : desktops) {
            desktop.logOut();
        }
    }

    @Override
    public void close() {
        desktops.forEach(AgentDesktop::close);
    }
}
