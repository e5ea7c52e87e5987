package dialer.agent;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How a campaign chooses among its free agents for an answered call. */
public enum AgentSelection {
    /** The agent free for the longest time. */
    LONGEST_IDLE(Comparator.comparing(Candidate::idleSinceMillis)),
    /** The highest skill level in the campaign, then the longest idle. */
    MOST_QUALIFIED_FIRST(Comparator.comparingInt(Candidate::skillLevel).reversed()
            .thenComparing(Candidate::idleSinceMillis)),
    /**
     * Agents in groups by skill level (8 to 10, 4 to 7, 1 to 3): the best group with a free agent first,
     * the longest idle within it.
     */
    QUALIFICATION_GROUPS(Comparator.comparingInt((Candidate candidate) -> group(candidate.skillLevel()))
            .thenComparing(Candidate::idleSinceMillis));

    /** A free agent as the choice sees it. */
    public record Candidate(long agentId, int skillLevel, long idleSinceMillis) {
    }

    private final Comparator<Candidate> order;

    AgentSelection(Comparator<Candidate> order) {
        this.order = order;
    }

    /** The agent to take the call, if any is free. */
    public Optional<Candidate> choose(List<Candidate> free) {
        return free.stream().min(order);
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<AgentSelection> fromCode(String code) {
        return Arrays.stream(values()).filter(selection -> selection.code().equals(code)).findFirst();
    }

    private static int group(int skillLevel) {
        return skillLevel >= 8 ? 0 : skillLevel >= 4 ? 1 : 2;
    }
}
