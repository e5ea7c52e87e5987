package dialer.gateway;

/**
 * What happens to an agent's leg: {@code connected} once the phone answered, and {@code dropped} when
 * the leg is gone (the phone hung up or was unreachable), after which the agent cannot take calls until
 * the leg is connected again. Called on the driver's threads, as {@link CallListener} is.
 */
public interface AgentLegListener {
    void connected(AgentLeg leg);

    void dropped(AgentLeg leg, String rawCause);
}
