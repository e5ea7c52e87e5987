package dialer.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import dialer.agent.AgentSelection.Candidate;
import org.junit.jupiter.api.Test;

/** The three ways of choosing an agent, on random sets of free agents (fixed seed). */
class AgentSelectionTest {
    @Test
    void eachStrategyPicksTheAgentItsRuleNames() {
        Random random = new Random(20261123);
        for (int round = 0; round < 2_000; round++) {
            List<Candidate> free = new ArrayList<>();
            int count = 1 + random.nextInt(12);
            for (int i = 0; i < count; i++) {
                free.add(new Candidate(i, 1 + random.nextInt(10), random.nextInt(1_000)));
            }

            Candidate longestIdle = AgentSelection.LONGEST_IDLE.choose(free).orElseThrow();
            assertThat(longestIdle.idleSinceMillis()).isEqualTo(free.stream().mapToLong(Candidate::idleSinceMillis).min().orElseThrow());

            Candidate best = AgentSelection.MOST_QUALIFIED_FIRST.choose(free).orElseThrow();
            int topLevel = free.stream().mapToInt(Candidate::skillLevel).max().orElseThrow();
            assertThat(best.skillLevel()).isEqualTo(topLevel);
            assertThat(best.idleSinceMillis()).isEqualTo(free.stream().filter(c -> c.skillLevel() == topLevel)
                    .mapToLong(Candidate::idleSinceMillis).min().orElseThrow());

            Candidate grouped = AgentSelection.QUALIFICATION_GROUPS.choose(free).orElseThrow();
            int bestGroup = free.stream().mapToInt(c -> group(c.skillLevel())).min().orElseThrow();
            assertThat(group(grouped.skillLevel())).isEqualTo(bestGroup);
            assertThat(grouped).isEqualTo(free.stream().filter(c -> group(c.skillLevel()) == bestGroup)
                    .min(Comparator.comparingLong(Candidate::idleSinceMillis)).orElseThrow());
        }
        assertThat(AgentSelection.LONGEST_IDLE.choose(List.of())).isEmpty();
    }

    private static int group(int level) {
        return level >= 8 ? 0 : level >= 4 ? 1 : 2;
    }
}
