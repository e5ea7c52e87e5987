package dialer.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dialer.api.config.ConfigLoader;
import dialer.api.config.DialerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RPM that {@code mvn package} makes, read with Debian's {@code rpm} (installed by .ci/run), unpacked
 * and installed into scratch roots, and run through its own launcher with its own configuration.
 */
class RpmPackageIT {
    private static final Path RPM = Path.of(System.getProperty("dialer.rpm", "target/dialer-0.1.0-SNAPSHOT.noarch.rpm"));
    private static final Path LATER_RPM = Path.of(System.getProperty("dialer.rpm.later", "target/upgrade-test/dialer-999.0.0.noarch.rpm"));
    private static final Path SOURCES = Path.of("src/rpm");
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    @Test
    void itsMetadataFilesAndScriptletsAreThoseOfTheService() throws Exception {
        String info = run("rpm", "-qip", RPM.toString());
        assertThat(info).containsPattern("Name\\s*: dialer").containsPattern("Version\\s*: 0\\.1\\.0").containsPattern("Architecture: noarch")
                .containsPattern("License\\s*: \\S+").containsPattern("Summary\\s*: Outbound predictive dialer");
        assertThat(run("rpm", "-qpR", RPM.toString()).lines()).contains("jre-17-headless", "shadow-utils");

        assertThat(run("rpm", "-qp", "--qf", "[%{FILEMODES:perms} %{FILEUSERNAME} %{FILEGROUPNAME} %{FILEFLAGS:fflags} %{FILENAMES}\\n]",
                RPM.toString()).lines()).containsExactlyInAnyOrder(
                "drwxr-xr-x root root  /etc/dialer",
                "-rw-r----- root dialer cn /etc/dialer/dialer.yaml",
                "-rwxr-xr-x root root  /usr/bin/dialer",
                "-rw-r--r-- root root  /usr/lib/systemd/system/dialer.service",
                "drwxr-xr-x root root  /usr/share/dialer",
                "-rw-r--r-- root root  /usr/share/dialer/dialer.jar",
                "drwxr-xr-x root root  /usr/share/doc/dialer",
                "-rw-r--r-- root root d /usr/share/doc/dialer/install.md",
                "drwxr-x--- dialer dialer  /var/lib/dialer",
                "drwxr-x--- dialer dialer  /var/log/dialer");
        assertThat(run("rpm", "-qlp", RPM.toString()).lines()).hasSize(10);

        String scripts = run("rpm", "-qp", "--scripts", RPM.toString());
        for (String scriptlet : List.of("preinstall", "postinstall", "preuninstall", "postuninstall")) {
            assertThat(scripts).contains(scriptlet + " scriptlet (using /bin/sh):\n"
                    + Files.readString(SOURCES.resolve("scripts/" + scriptlet + ".sh")).strip());
        }
        String unit = Files.readString(SOURCES.resolve("systemd/dialer.service"));
        assertThat(unit).contains("User=dialer", "Restart=on-failure", "NoNewPrivileges=true", "ProtectSystem=strict",
                "ReadWritePaths=/var/lib/dialer /var/log/dialer", "LimitNOFILE=65536",
                "ExecStart=/usr/bin/dialer serve --config /etc/dialer/dialer.yaml");
    }

    @Test
    void theShippedConfigurationHasEveryKeyAtItsDefaultButTheDataDirectory(@TempDir Path dir) throws Exception {
        String shipped = Files.readString(SOURCES.resolve("config/dialer.yaml"));
        Path uncommented = Files.writeString(dir.resolve("uncommented.yaml"), shipped.replaceAll("(?m)^#(\\s*[a-z-]+:)", "$1"));

        DialerConfig everyKey = new ConfigLoader(Map.of()).load(Optional.of(uncommented), dir);
        DialerConfig defaults = new ConfigLoader(Map.of()).load(Optional.empty(), dir);
        assertThat(everyKey.data().dir()).isEqualTo("/var/lib/dialer");
        assertThat(everyKey).usingRecursiveComparison().ignoringFields("data").isEqualTo(defaults);
        assertThat(new ConfigLoader(Map.of()).load(Optional.of(SOURCES.resolve("config/dialer.yaml")), dir).data().dir())
                .as("as shipped, only the data directory is set").isEqualTo("/var/lib/dialer");
    }

    @Test
    void theScriptletsAndTheLauncherPassShellcheck() throws Exception {
        List<String> command = new ArrayList<>(List.of("shellcheck", "--shell=sh", "--severity=style"));
        try (var scripts = Files.list(SOURCES.resolve("scripts"))) {
            scripts.sorted().forEach(script -> command.add(script.toString()));
        }
        command.add(SOURCES.resolve("bin/dialer").toString());
        assertThat(command).hasSize(8);
        run(command.toArray(String[]::new));
    }

    @Test
    void theUnpackedPayloadStartsThroughItsLauncherWithTheShippedConfig(@TempDir Path root) throws Exception {
        run("sh", "-c", "rpm2cpio \"$0\" | (cd \"$1\" && cpio -idm --quiet)", RPM.toAbsolutePath().toString(), root.toString());
        assertThat(root.resolve("usr/bin/dialer")).isExecutable();

        int port = ApplianceProcess.freePort();
        try (ApplianceProcess appliance = ApplianceProcess.launch(
                List.of(root.resolve("usr/bin/dialer").toString(), "serve", "--config", root.resolve("etc/dialer/dialer.yaml").toString()),
                root, Map.of("JAVA_HOME", System.getProperty("java.home"), "DIALER_DATA_DIR", root.resolve("data").toString(),
                        "DIALER_HTTP_PORT", Integer.toString(port)), port)) {
            appliance.awaitHealthy(START_LIMIT);
            assertThat(root.resolve("data/admin-password")).exists();
        }
    }

    @Test
    void anUpgradeKeepsTheDataAndTheConfigurationTheAdminEdited(@TempDir Path root) throws Exception {
        run("rpm", "--root", root.toString(), "--initdb");
        run("rpm", "--root", root.toString(), "-i", "--nodeps", "--noscripts", "--nosignature", RPM.toAbsolutePath().toString());
        Path config = root.resolve("etc/dialer/dialer.yaml");
        int port = ApplianceProcess.freePort();
        String edited = Files.readString(config).replace("  dir: /var/lib/dialer", "  dir: " + root.resolve("var/lib/dialer"))
                .replace("#http:\n", "http:\n").replace("#  port: 8080", "  port: " + port);
        Files.writeString(config, edited);

        try (ApplianceProcess before = installed(root, port)) {
            before.awaitHealthy(START_LIMIT);
            assertThat(before.postJson("/api/v1/users", "admin:admin-password-1",
                    "{\"username\":\"kept.manager\",\"password\":\"kept-password\",\"roles\":[\"manager\"]}")).isEqualTo(201);
            before.terminate();
            assertThat(before.awaitExit(START_LIMIT)).as("stopped by SIGTERM, which the unit counts a success").isEqualTo(143);
        }

        run("rpm", "--root", root.toString(), "-U", "--nodeps", "--noscripts", "--nosignature", LATER_RPM.toAbsolutePath().toString());
        assertThat(run("rpm", "--root", root.toString(), "-q", "--qf", "%{VERSION}", "dialer")).isEqualTo("999.0.0");
        assertThat(Files.readString(config)).as("the admin's edits").isEqualTo(edited);
        assertThat(root.resolve("etc/dialer/dialer.yaml.rpmnew")).doesNotExist();

        try (ApplianceProcess after = installed(root, port)) {
            after.awaitHealthy(START_LIMIT);
            assertThat(after.get("/api/v1/users/me", "kept.manager:kept-password")).as("the data of the version before").isEqualTo(200);
            assertThat(after.output()).contains("is up on port " + port);
        }
    }

    /** The launcher installed under {@code root}, serving with the configuration installed there (on {@code port}). */
    private static ApplianceProcess installed(Path root, int port) throws IOException {
        return ApplianceProcess.launch(List.of(root.resolve("usr/bin/dialer").toString(), "serve", "--config",
                root.resolve("etc/dialer/dialer.yaml").toString()), root,
                Map.of("JAVA_HOME", System.getProperty("java.home"), "DIALER_ADMIN_PASSWORD", "admin-password-1"), port);
    }

    /** Runs {@code command}; its output, or an assertion error with it when it fails. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s:%n%s", String.join(" ", command), output).isZero();
        return output.strip();
    }
}
