package dialer.gateway;

import java.util.List;

/**
 * The way to the telephone network: places calls through trunks, keeps agents' phones connected, bridges
 * answered customers to agents so that media flows between them, plays the safe-harbour message, and
 * hangs up. Implementations: the SIP driver, and a simulated one for demonstrations and tests.
 *
 * <p>Every method is thread-safe, returns at once, and may be called from a listener; what follows is
 * told to the call's {@link CallListener} or the leg's {@link AgentLegListener}. Between {@link #start}
 * and {@link #close} only: outside, methods throw {@link IllegalStateException}.
 */
public interface GatewayDriver extends AutoCloseable {
    /** Starts the driver (binds its ports, opens its trunks). */
    void start();

    /**
     * Places a call. When no channel is free, it is not sent and ends as {@link CallOutcome#CONGESTION}
     * with a raw cause that says so.
     */
    CallHandle originate(OriginateRequest request, CallListener listener);

    /** Calls an agent's phone, to keep that call up for the agent's customer calls. */
    AgentLeg connectAgent(String agentPhoneUri, AgentLegListener listener);

    /** Ends an agent's leg, at logout. */
    void disconnectAgent(AgentLeg agent);

    /**
     * Connects an answered customer call to a connected agent leg that is not bridged already. When the
     * customer's call ends, the leg stays up, free for the next one.
     */
    void bridge(CallHandle customer, AgentLeg agent);

    /**
     * Ends a call, whatever its state; its listener hears {@code ended} once: {@link CallOutcome#CANCELLED}
     * before an answer, the answer's outcome after it.
     */
    void hangup(CallHandle call);

    /** Plays the safe-harbour message into an answered call, then hangs it up. */
    void playAndHangup(CallHandle call, Prompt prompt);

    /** Each trunk's health, for {@code /healthz} and the metrics. */
    List<TrunkHealth> health();

    /** Ends every call and leg (their listeners hear it) and stops the driver. */
    @Override
    void close();
}
