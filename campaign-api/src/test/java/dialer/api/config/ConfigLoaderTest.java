package dialer.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import dialer.gateway.sip.DigestCredentials;
import dialer.gateway.sip.SipSettings;
import dialer.gateway.sip.SipTransport;
import dialer.gateway.sip.SipTrunk;
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
    void theSimulatedNetworkRunsInRealTimeUnlessSpedUp() {
        assertThat(new ConfigLoader(Map.of()).load(Optional.empty(), dir).gateway().simulated().speed()).isEqualTo(1.0);
        assertThat(new ConfigLoader(Map.of("DIALER_GATEWAY_SIMULATED_SPEED", "60")).load(Optional.empty(), dir)
                .gateway().simulated().speed()).isEqualTo(60.0);
        assertThatThrownBy(() -> new ConfigLoader(Map.of("DIALER_GATEWAY_SIMULATED_SPEED", "0")).load(Optional.empty(), dir))
                .hasMessageContaining("gateway.simulated.speed: 0.0 is not between 0.1 and 1000 (from DIALER_GATEWAY_SIMULATED_SPEED)");
    }

    @Test
    void sipTrunksAreReadFromTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("dialer.yaml"), """
                gateway:
                  driver: sip
                  sip:
                    address: 10.0.0.5
                    trunks:
                      - {name: e1, host: 10.0.0.20, port: 5060, max-channels: 30, max-calls-per-second: 10, order: 1,
                         number-format: national, country-code: "7", national-prefix: "8", international-prefix: "810"}
                      - {name: provider, host: sip.example.net, port: 5080, transport: tcp, username: acme, password: s3cret,
                         caller-id: "+74951234567", max-channels: 100, max-calls-per-second: 20, order: 2}
                """);

        DialerConfig config = new ConfigLoader(Map.of()).load(Optional.of(file), dir);
        SipSettings sip = config.gateway().sipSettings(config.data().path());

        assertThat(sip.address()).isEqualTo("10.0.0.5");
        assertThat(sip.port()).isEqualTo(5060);
        assertThat(sip.keepAlive()).hasSeconds(30);
        assertThat(sip.promptDirectory()).isEqualTo(config.data().path().resolve("prompts"));
        assertThat(sip.trunks()).extracting(SipTrunk::name).containsExactly("e1", "provider");
        assertThat(sip.trunks().get(0).numberFormat().dialString("+79161234567")).isEqualTo("89161234567");
        assertThat(sip.trunks().get(0).numberFormat().dialString("+380441234567")).isEqualTo("810380441234567");
        assertThat(sip.trunks().get(1).transport()).isEqualTo(SipTransport.TCP);
        assertThat(sip.trunks().get(1).credentials()).contains(new DigestCredentials("acme", "s3cret"));
        assertThat(sip.trunks().get(1).callerId()).contains("+74951234567");
        assertThat(sip.trunks().get(1).toString()).doesNotContain("s3cret");
    }

    @Test
    void aBadTrunkIsNamedByItsPlaceInTheList() throws Exception {
        Path file = Files.writeString(dir.resolve("dialer.yaml"), """
                gateway:
                  driver: sip
                  sip:
                    trunks:
                      - {name: a, host: 10.0.0.20, port: 5060, max-channels: 30, max-calls-per-second: 10}
                      - {name: b, host: 10.0.0.21, port: 5060, transport: sctp, max-channels: 30, max-calls-per-second: 10}
                """);
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Optional.of(file), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("gateway.sip.trunks[1]: transport: 'sctp' is not udp or tcp");

        Files.writeString(file, "gateway:\n  driver: sip\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Optional.of(file), dir))
                .hasMessageContaining("gateway.sip.trunks: the SIP driver needs at least one trunk");

        assertThatThrownBy(() -> new ConfigLoader(Map.of("DIALER_GATEWAY_DRIVER", "asterisk")).load(Optional.empty(), Path.of("/nonexistent")))
                .hasMessageContaining("gateway.driver: 'asterisk' is not simulated or sip (from DIALER_GATEWAY_DRIVER)");
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
