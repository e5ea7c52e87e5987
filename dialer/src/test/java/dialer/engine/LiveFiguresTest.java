package dialer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dialer.agent.AgentState;
import dialer.agent.AgentView;
import org.junit.jupiter.api.Test;

class LiveFiguresTest {
    @Test
    void countsAgentsByStateAndDerivesOccupancyAndTheDialLevel() {
        LiveFigures figures = LiveFigures.of(new LiveCalls(5, 1), List.of(agent(AgentState.READY),
                agent(AgentState.OUTBOUND_ONLY), agent(AgentState.ON_CALL), agent(AgentState.WRAP_UP),
                agent(AgentState.BREAK), agent(AgentState.DND)));

        assertThat(figures.callsInFlight()).isEqualTo(5);
        assertThat(figures.callsWaitingForAgent()).isEqualTo(1);
        assertThat(figures.agentsByState()).containsOnlyKeys(AgentState.READY, AgentState.BREAK, AgentState.DND,
                AgentState.OUTBOUND_ONLY, AgentState.ON_CALL, AgentState.WRAP_UP).containsEntry(AgentState.DND, 1);
        assertThat(figures.occupancy()).as("on a call or in wrap-up, of the five not on a break").isEqualTo(2 / 5.0);
        assertThat(figures.pacingRatio()).as("lines up per agent ready or on a call").isEqualTo(5 / 3.0);
    }

    @Test
    void nobodyWorkingMeansNoOccupancyNorDialLevel() {
        LiveFigures none = LiveFigures.of(LiveCalls.NONE, List.of());
        assertThat(none.agentsByState().values()).containsOnly(0);
        assertThat(none.occupancy()).isNull();
        assertThat(none.pacingRatio()).isNull();

        LiveFigures wrappingUp = LiveFigures.of(LiveCalls.NONE, List.of(agent(AgentState.WRAP_UP), agent(AgentState.BREAK)));
        assertThat(wrappingUp.occupancy()).isEqualTo(1.0);
        assertThat(wrappingUp.pacingRatio()).isNull();
    }

    private static AgentView agent(AgentState state) {
        return new AgentView(1, 1, "agent", "sip:1@pbx", state, null, Instant.EPOCH, true, Map.of(7L, 5), 0);
    }
}
