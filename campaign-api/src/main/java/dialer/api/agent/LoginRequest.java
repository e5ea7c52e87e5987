package dialer.api.agent;

/** The body of {@code POST /api/v1/agents/me/login}: the SIP URI of the agent's phone. */
public record LoginRequest(String phoneUri) {
}
