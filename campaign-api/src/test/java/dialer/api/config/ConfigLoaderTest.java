package dialer.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void defaultsNeedNoFileAndNoEnvironment() {
        DialerConfig config = new ConfigLoader(Map.of()).load(Optional.empty(), dir);

        assertThat(config.http().port()).isEqualTo(8080);
        assertThat(config.data().path()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(config.databaseSettings().url()).isEmpty();
        assertThat(config.admin().initialPassword()).isEmpty();
    }

    @Test
    void environmentOverridesTheFileWhichOverridesDefaults() throws Exception {
        Path file = Files.writeString(dir.resolve("dialer.yaml"),
                "http:\n  port: 9090\ndatabase:\n  url: jdbc:postgresql://db:5432/dialer\n  pool-size: 20\n");

        DialerConfig fromFile = new ConfigLoader(Map.of()).load(Optional.empty(), dir);
        assertThat(fromFile.http().port()).isEqualTo(9090);
        assertThat(fromFile.database().poolSize()).isEqualTo(20);
        assertThat(fromFile.http().host()).isEqualTo("0.0.0.0");

        DialerConfig fromEnvironment = new ConfigLoader(Map.of(
                "DIALER_HTTP_PORT", "7070",
                "DIALER_DATA_DIR", "/var/lib/dialer",
                "DIALER_DATABASE_URL", "jdbc:postgresql://other:5432/x",
                "DIALER_DATABASE_POOL_SIZE", "3",
                "DIALER_ADMIN_PASSWORD", "from-env")).load(Optional.of(file), Path.of("/nonexistent"));
        assertThat(fromEnvironment.http().port()).isEqualTo(7070);
        assertThat(fromEnvironment.data().path()).isEqualTo(Path.of("/var/lib/dialer"));
        assertThat(fromEnvironment.databaseSettings().url()).contains("jdbc:postgresql://other:5432/x");
        assertThat(fromEnvironment.database().poolSize()).isEqualTo(3);
        assertThat(fromEnvironment.admin().initialPassword()).contains("from-env");
    }

    @Test
    void badValuesNameTheKeyAndWhereTheyCameFrom() throws Exception {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("DIALER_HTTP_PORT", "abc")).load(Optional.empty(), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid configuration: http.port: 'abc' is not a whole number (from DIALER_HTTP_PORT)");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("DIALER_HTTP_PORT", "70000")).load(Optional.empty(), dir))
                .hasMessageContaining("http.port: 70000 is not between 0 and 65535 (from DIALER_HTTP_PORT)");

        Path file = Files.writeString(dir.resolve("custom.yaml"), "http:\n  prot: 80\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Optional.of(file), dir))
                .hasMessageStartingWith("Invalid configuration: http.prot: unknown key in " + file)
                .hasMessageContaining("known keys here: host, port, shutdown-timeout-seconds");

        Files.writeString(file, "database:\n  url: mysql://db\n  pool-size: 2.5\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Optional.of(file), dir))
                .hasMessageContaining("database.pool-size");

        Files.writeString(file, "database:\n  url: mysql://db\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Optional.of(file), dir))
                .hasMessageContaining("database.url: must be a PostgreSQL JDBC URL");
    }

    @Test
    void unreadableFilesAreClearErrors() throws Exception {
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Optional.of(dir.resolve("missing.yaml")), dir))
                .hasMessage("The configuration file " + dir.resolve("missing.yaml") + " does not exist");

        Path broken = Files.writeString(dir.resolve("broken.yaml"), "http:\n  port: [8080\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Optional.of(broken), dir))
                .hasMessageStartingWith(broken + " is not valid YAML")
                .hasMessageContaining("line");

        Path scalar = Files.writeString(dir.resolve("scalar.yaml"), "just text\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Optional.of(scalar), dir))
                .hasMessageContaining("the top level must be a mapping");
    }

    @Test
    void anyPortValueIsEitherAcceptedExactlyOrRefusedNamingTheKey() {
        Random random = new Random(20261122L);
        for (int i = 0; i < 500; i++) {
            String value = randomValue(random);
            try {
                DialerConfig config = new ConfigLoader(Map.of("DIALER_HTTP_PORT", value)).load(Optional.empty(), dir);
                assertThat(config.http().port()).as(value).isBetween(0, 65535)
                        .isEqualTo(Integer.parseInt(value.strip()));
            } catch (ConfigException e) {
                assertThat(e.getMessage()).as(value).startsWith("Invalid configuration: http.port: ")
                        .contains("DIALER_HTTP_PORT");
            }
        }
    }

    private static String randomValue(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> Integer.toString(random.nextInt(200_000) - 50_000);
            case 1 -> Integer.toString(random.nextInt(65_536));
            case 2 -> random.nextInt(100) + "." + random.nextInt(100);
            default -> {
                StringBuilder text = new StringBuilder();
                for (int c = random.nextInt(8); c > 0; c--) {
                    text.append((char) (' ' + random.nextInt(95)));
                }
                yield text.toString();
            }
        };
    }
}
