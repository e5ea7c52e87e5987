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

/** {@code bench lease} on a small campaign: its last line is the JSON the benchmark documents, and an attempt stays within 5 statements. */
class BenchLeaseCommandTest {
    @Test
    void printsItsFiguresAsJsonOnTheLastLine() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine command = DialerCommand.commandLine();
        command.setOut(new PrintWriter(out));

        int exitCode = command.execute("bench", "lease", "--contacts", "20000", "--leases", "400", "--warmup-leases", "40");

        assertThat(exitCode).isZero();
        List<String> lines = out.toString().lines().toList();
        JsonNode figures = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertThat(figures.get("benchmark").asText()).isEqualTo("lease");
        assertThat(figures.get("contacts").asLong()).isEqualTo(20_000);
        assertThat(figures.get("leaseP50Ms").asDouble()).isPositive();
        assertThat(figures.get("leaseP99Ms").asDouble()).isGreaterThanOrEqualTo(figures.get("leaseP50Ms").asDouble());
        assertThat(figures.get("leases").asInt()).isEqualTo(400);
        assertThat(figures.get("attempts").asLong()).isGreaterThan(400);
        assertThat(figures.get("connected").asLong()).isPositive();
        assertThat(figures.get("statementsPerAttempt").asLong()).isBetween(2L, 5L);
        assertThat(figures.get("statementsPerConnectedAttempt").asLong()).isEqualTo(5);
        assertThat(figures.get("commitsPerLease").asDouble()).as("the lease commits in autocommit, with no COMMIT of its own").isZero();
        assertThat(figures.get("skipped").get("dnc").asLong()).isPositive();
    }
}
