package dialer.gateway;

import java.util.List;

/**
 * The way to the telephone network: places calls through trunks, keeps agents' phones connected, bridges
 * answered customers to agents so that media flows between them, plays the safe-harbour message, and
 * hangs up. Implementations: the SIP driver, and a simulated one for demonstrations and tests. Methods
 * return at once; what follows is told to the call's {@link CallListener}.
 */
public interface GatewayDriver extends AutoCloseable {
    /** Starts the driver (binds its ports, opens its trunks). */
    void start();

    /** Places a call. A trunk with no channel free ends it at once as {@link CallOutcome#CONGESTION}. */
    CallHandle originate(OriginateRequest request, CallListener listener);

    /**
     * Calls an agent's phone and keeps that call up for the agent's customer calls.
     *
     * @throws GatewayException when the phone cannot be reached or refuses
     */
    AgentLeg connectAgent(String agentPhoneUri);

    /** Connects an answered customer call to an agent's leg; the agent leg outlives the customer call. */
    void bridge(CallHandle customer, AgentLeg agent);

    /** Ends a call, whatever its state; its listener hears {@code ended} once. */
    void hangup(CallHandle call);

    /** Plays the safe-harbour message into an answered call, then hangs it up. */
    void playAndHangup(CallHandle call, Prompt prompt);

    /** Ends an agent's leg, at logout. */
    void disconnectAgent(AgentLeg agent);

    /** Each trunk's health, for {@code /healthz} and the metrics. */
    List<TrunkHealth> health();

    /** Ends every call and stops the driver. */
    @Override
    void close();
}
