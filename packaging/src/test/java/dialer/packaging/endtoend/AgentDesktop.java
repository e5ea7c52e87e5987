package dialer.packaging.endtoend;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One agent at work, over the API as an agent's desktop would be: logs in with the SIP URI of a phone, follows
 * its Server-Sent Events, and a moment after each call ends sets its disposition, taking the codes in turn.
 * Keeps what it saw: the screen pops of the calls bridged to it, and the dispositions the appliance accepted.
 */
public final class AgentDesktop implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALLBACK_IN = Duration.ofDays(1);

    private final ApplianceApi api;
    private final ApplianceApi.User user;
    private final String phoneUri;
    private final Iterator<String> codes;
    private final Random random;
    private final ScheduledExecutorService wrapUps = Executors.newSingleThreadScheduledExecutor();
    private final Map<Long, String> screenPops = new ConcurrentHashMap<>();
    private final Map<Long, String> dispositions = new ConcurrentHashMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private Stream<String> events;
    private Thread reader;

    /** The agent {@code user}, whose phone is {@code phoneUri}, sets the dispositions {@code codes} in turn, forever. */
    AgentDesktop(ApplianceApi api, ApplianceApi.User user, String phoneUri, List<String> codes, long seed) {
        this.api = api;
        this.user = user;
        this.phoneUri = phoneUri;
        this.codes = Stream.generate(() -> codes).flatMap(List::stream).iterator();
        this.random = new Random(seed);
    }

    /** Logs in (the appliance calls the phone) and starts following the agent's events. */
    void logIn() throws InterruptedException {
        api.call(user, "POST", "/api/v1/agents/me/login", Map.of("phoneUri", phoneUri));
        Stream<String> lines = api.events(user, "/api/v1/agents/me/events");
        events = lines;
        reader = new Thread(() -> follow(lines), "desktop-" + user.username());
        reader.setDaemon(true);
        reader.start();
    }

    /** Whether the appliance's call to the agent's phone is up. */
    boolean phoneConnected() throws InterruptedException {
        return api.get(user, "/api/v1/agents/me").path("phoneConnected").asBoolean();
    }

    /** Chooses {@code ready}, or {@code break} for {@code reason}; on a call or in wrap-up it takes effect after. */
    void choose(String state, String reason) throws InterruptedException {
        api.call(user, "PUT", "/api/v1/agents/me/state",
                reason == null ? Map.of("state", state) : Map.of("state", state, "reason", reason));
    }

    /** Logs out (the appliance hangs up the phone) and waits for the end of the agent's events. */
    void logOut() throws InterruptedException {
        api.call(user, "POST", "/api/v1/agents/me/logout", null);
        reader.join(Duration.ofSeconds(10).toMillis());
    }

    /** The phone numbers of the calls bridged to this agent, from their screen pops, by attempt id. */
    Map<Long, String> screenPops() {
        return new HashMap<>(screenPops);
    }

    /** The dispositions the appliance accepted, by attempt id. */
    Map<Long, String> dispositions() {
        return new HashMap<>(dispositions);
    }

    /** What went wrong: a disposition refused, a wrap-up that ran out, events that ended early. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    private void follow(Stream<String> lines) {
        List<String> event = new ArrayList<>();
        try (lines) {
            Iterator<String> each = lines.iterator();
            while (each.hasNext()) {
                String line = each.next();
                if (!line.isEmpty()) {
                    event.add(line);
                    continue;
                }
                String name = field(event, "event:");
                String data = field(event, "data:");
                event.clear();
                if (name != null && data != null && "offline".equals(handle(name, JSON.readTree(data)))) {
                    return;
                }
            }
            problems.add("the events of " + user.username() + " ended before the logout");
        } catch (Exception e) {
            problems.add("reading the events of " + user.username() + ": " + e);
        }
    }

    /** Acts on one event; returns the agent's state when the event says it. */
    private String handle(String name, JsonNode data) {
        switch (name) {
            case "call.bridged" -> screenPops.put(data.path("attemptId").asLong(), data.path("phone").asText());
            case "call.ended" -> {
                long attemptId = data.path("attemptId").asLong();
                wrapUps.schedule(() -> dispose(attemptId), 200 + random.nextInt(600), TimeUnit.MILLISECONDS);
            }
            case "wrapup.ended" -> problems.add("wrap-up of attempt " + data.path("attemptId").asLong() + " ran out");
            default -> {
                return data.path("state").asText(null);
            }
        }
        return null;
    }

    private void dispose(long attemptId) {
        String code = codes.next();
        Map<String, String> body = "callback".equals(code)
                ? Map.of("code", code, "callbackAt", Instant.now().plus(CALLBACK_IN).toString())
                : Map.of("code", code);
        try {
            api.call(user, "POST", "/api/v1/attempts/" + attemptId + "/disposition", body);
            dispositions.put(attemptId, code);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            problems.add("disposition " + code + " of attempt " + attemptId + ": " + e.getMessage());
        }
    }

    private static String field(List<String> event, String prefix) {
        return event.stream().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()).strip())
                .findFirst().orElse(null);
    }

    @Override
    public void close() {
        wrapUps.shutdownNow();
        if (events != null) {
            events.close();
        }
    }
}
