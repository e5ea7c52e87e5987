package dialer.agent;

import java.util.Map;

/**
 * Something an agent's desktop shows at once: {@code call.offered} (a preview), {@code call.bridged} (with
 * the contact: the screen pop), {@code call.ended}, {@code wrapup.ended}, {@code state}. {@code data} is
 * sent as JSON.
 */
public record AgentEvent(String type, Map<String, Object> data) {
    public AgentEvent {
        data = Map.copyOf(data);
    }
}
