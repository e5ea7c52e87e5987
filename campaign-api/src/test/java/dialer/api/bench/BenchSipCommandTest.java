package dialer.api.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dialer.api.cli.DialerCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code bench sip} at a low rate against its sipp UAS: its last line is the JSON the benchmark documents, and adds up. */
class BenchSipCommandTest {
    @Test
    void printsItsFiguresAsJsonOnTheLastLine() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine command = DialerCommand.commandLine();
        command.setOut(new PrintWriter(out));

        int exitCode = command.execute("bench", "sip", "--cps", "40", "--seconds", "2", "--hold", "1");

        assertThat(exitCode).isZero();
        List<String> lines = out.toString().lines().toList();
        JsonNode figures = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertThat(figures.get("benchmark").asText()).isEqualTo("sip");
        assertThat(figures.get("offeredCps").asInt()).isEqualTo(40);
        assertThat(figures.get("calls").asInt()).isEqualTo(80);
        assertThat(figures.get("failed").asInt()).isZero();
        assertThat(figures.get("achievedCps").asDouble()).isBetween(30.0, 50.0);
        assertThat(figures.get("sippBaselineCps").asDouble()).isBetween(30.0, 50.0);
        assertThat(figures.get("peakConcurrent").asInt()).as("about 40 calls a second held 1 s").isBetween(30, 80);
        assertThat(figures.get("inviteTo200P50Ms").asDouble()).isPositive().isLessThanOrEqualTo(figures.get("inviteTo200P99Ms").asDouble());
    }

    @Test
    void refusesARateThatIsNotPositive() {
        StringWriter err = new StringWriter();
        CommandLine command = DialerCommand.commandLine();
        command.setErr(new PrintWriter(err));

        assertThat(command.execute("bench", "sip", "--cps", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--cps");
    }
}
