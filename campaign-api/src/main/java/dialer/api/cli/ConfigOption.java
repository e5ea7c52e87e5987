package dialer.api.cli;

import java.nio.file.Path;
import java.util.Optional;

import dialer.api.config.ConfigLoader;
import dialer.api.config.DialerConfig;
import picocli.CommandLine.Option;

/** {@code --config FILE}, shared by every command that needs the configuration. */
final class ConfigOption {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "YAML configuration file (default: ./dialer.yaml if present, else built-in defaults; "
                    + "DIALER_* environment variables override either)")
    private Path file;

    DialerConfig load() {
        return new ConfigLoader(System.getenv()).load(Optional.ofNullable(file), Path.of(""));
    }
}
