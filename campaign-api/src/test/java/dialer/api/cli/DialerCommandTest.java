package dialer.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DialerCommandTest {
    @TempDir
    Path dir;

    @Test
    void invalidConfigurationExitsWith2NamingTheKey() throws Exception {
        Path config = Files.writeString(dir.resolve("dialer.yaml"), "http:\n  port: eighty\n");
        StringWriter err = new StringWriter();
        CommandLine command = DialerCommand.commandLine();
        command.setErr(new PrintWriter(err));

        int exitCode = command.execute("serve", "--config", config.toString());

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("http.port: 'eighty' is not a whole number (in " + config + ")");
    }

    @Test
    void versionAndHelpNameTheCommands() {
        StringWriter out = new StringWriter();
        CommandLine command = DialerCommand.commandLine();
        command.setOut(new PrintWriter(out));

        assertThat(command.execute("--version")).isZero();
        assertThat(out.toString()).startsWith("dialer " + Version.current());
        assertThat(command.execute("--help")).isZero();
        assertThat(out.toString()).contains("serve", "db");
    }
}
