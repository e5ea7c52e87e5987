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

/** {@code bench import} on a small list: its last line is the JSON the benchmark documents, and adds up. */
class BenchImportCommandTest {
    @Test
    void printsItsFiguresAsJsonOnTheLastLine() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine command = DialerCommand.commandLine();
        command.setOut(new PrintWriter(out));

        int exitCode = command.execute("bench", "import", "--rows", "20000", "--warmup-rows", "1000", "--added-rows", "2000");

        assertThat(exitCode).isZero();
        List<String> lines = out.toString().lines().toList();
        JsonNode figures = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertThat(figures.get("benchmark").asText()).isEqualTo("import");
        assertThat(figures.get("rows").asLong()).isEqualTo(20_000);
        assertThat(figures.get("accepted").asLong() + figures.get("rejected").asLong()).isEqualTo(20_000);
        assertThat(figures.get("rejectsByReason").get("invalid_number").asLong()).isPositive();
        assertThat(figures.get("rejectsByReason").get("dnc").asLong()).isPositive();
        for (String positive : List.of("seconds", "rowsPerSecond", "peakHeapMb", "copyBaselineSeconds", "addedRowsPerSecond")) {
            assertThat(figures.get(positive).asDouble()).as(positive).isPositive();
        }
    }
}
