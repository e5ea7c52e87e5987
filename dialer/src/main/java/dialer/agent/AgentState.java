package dialer.agent;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an agent is; the first four are the agent's (or a supervisor's) choice, the others the engine's. */
public enum AgentState {
    /** Waiting for a call. */
    READY,
    /** On a break, with a reason code. */
    BREAK,
    /** Do not disturb: logged in, taking no call. */
    DND,
    /** Takes campaign calls, not inbound ones. */
    OUTBOUND_ONLY,
    /** Talking to a contact, or about to (an answered call is being bridged). */
    ON_CALL,
    /** The call ended; setting its disposition, until the campaign's wrap-up limit. */
    WRAP_UP,
    OFFLINE;

    /** The state's name on the wire: lower case, words joined by {@code -}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<AgentState> fromCode(String code) {
        return Arrays.stream(values()).filter(state -> state.code().equals(code)).findFirst();
    }

    /** Whether an agent may choose this state ({@code ready}, {@code break}, {@code dnd}, {@code outbound-only}). */
    public boolean chosen() {
        return this == READY || this == BREAK || this == DND || this == OUTBOUND_ONLY;
    }

    /** Whether an agent in this state takes campaign calls. */
    public boolean takesCampaignCalls() {
        return this == READY || this == OUTBOUND_ONLY;
    }
}
