package dialer.gateway;

/**
 * The nailed-up call to an agent's phone, kept up between customer calls: the appliance calls the phone
 * at login, and bridges each answered customer to it.
 */
public record AgentLeg(String id, String agentPhoneUri) {
}
