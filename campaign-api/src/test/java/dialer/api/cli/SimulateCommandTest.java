package dialer.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimulateCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void printsOneModesFiguresAsJsonOnTheLastLine() throws Exception {
        assertThat(run("simulate", "--agents", "10", "--hours", "1", "--mode", "progressive", "--json")).isZero();

        JsonNode figures = lastLine();
        assertThat(figures.get("mode").asText()).isEqualTo("progressive");
        assertThat(figures.get("abandonRate").asDouble()).isZero();
        assertThat(figures.get("occupancy").asDouble()).isBetween(0.5, 1.0);
        assertThat(figures.get("dialsPerAgentHour").asDouble()).isGreaterThan(figures.get("connectsPerAgentHour").asDouble());
        assertThat(figures.has("idleP95Seconds")).isTrue();
    }

    @Test
    void comparesTheModesOnTheSameCalls() throws Exception {
        assertThat(run("simulate", "--agents", "20", "--hours", "1", "--compare")).isZero();

        JsonNode modes = lastLine();
        assertThat(modes).hasSize(4);
        assertThat(modes.get(0).get("mode").asText()).isEqualTo("progressive");
        assertThat(modes.get(1).get("mode").asText()).isEqualTo("vicidial-adapt");
        assertThat(modes.get(2).get("mode").asText()).startsWith("power ");
        assertThat(modes.get(2).get("abandonRate").asDouble()).isLessThanOrEqualTo(0.03);
        assertThat(modes.get(3).get("mode").asText()).isEqualTo("predictive");
        assertThat(out.toString()).contains("occupancy", "abandon");
    }

    @Test
    void badValuesAreUsageErrorsNamingTheProblem() {
        assertThat(run("simulate", "--mode", "turbo")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown mode 'turbo'");
        assertThat(run("simulate", "--no-answer-timeout", "10")).isEqualTo(2);
        assertThat(err.toString()).contains("no-answer timeout must be at least 15 s");
    }

    private int run(String... args) {
        CommandLine command = DialerCommand.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command.execute(args);
    }

    private JsonNode lastLine() throws Exception {
        List<String> lines = out.toString().lines().toList();
        return new ObjectMapper().readTree(lines.get(lines.size() - 1));
    }
}
