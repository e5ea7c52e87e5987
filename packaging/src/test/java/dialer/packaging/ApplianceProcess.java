package dialer.packaging;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** {@code java -jar packaging/target/dialer.jar ...} as a separate process, as an admin would run it. */
final class ApplianceProcess implements AutoCloseable {
    static final Path JAR = Path.of(System.getProperty("dialer.jar", "target/dialer.jar"));
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path output;
    final int port;

    private ApplianceProcess(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    /** Runs the jar with {@code args} in {@code workDir}, with no DIALER_* variable but {@code environment}. */
    static ApplianceProcess start(Path workDir, Map<String, String> environment, String... args) throws IOException {
        String port = environment.getOrDefault("DIALER_HTTP_PORT", "8080");
        return launch(command(args), workDir, environment, port.matches("\\d+") ? Integer.parseInt(port) : -1);
    }

    /**
     * Runs {@code command} (an installed launcher, say) in {@code workDir}, with no DIALER_* variable but
     * {@code environment}, expecting it to serve HTTP on {@code port}.
     */
    static ApplianceProcess launch(List<String> command, Path workDir, Map<String, String> environment, int port) throws IOException {
        Path output = Files.createTempFile(workDir, "dialer-", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("DIALER_"));
        builder.environment().putAll(environment);
        return new ApplianceProcess(builder.start(), output, port);
    }

    private static List<String> command(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return command;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Waits for {@code /healthz} to answer 200; returns how long that took, or throws after {@code limit}. */
    Duration awaitHealthy(Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < limit.toNanos()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The appliance exited with " + process.exitValue() + ":\n" + output());
            }
            if (get("/healthz", null) == 200) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Not healthy within " + limit + ":\n" + output());
    }

    /** The status of a GET, or -1 when nothing answers. */
    int get(String path, String basicCredentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5));
        if (basicCredentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    basicCredentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The body of a GET that answers 200, else empty. */
    Optional<String> body(String path, String basicCredentials) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basicCredentials.getBytes(StandardCharsets.UTF_8)))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    int postJson(String path, String basicCredentials, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        basicCredentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** Waits for the process to end by itself; returns its exit code. */
    int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("Still running after " + limit + ":\n" + output());
        }
        return process.exitValue();
    }

    /** SIGTERM, as systemd stops a service. */
    void terminate() {
        process.destroy();
    }

    /** SIGKILL: a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
