package dialer.api.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Server-Sent Events stream as a client reads it: a thread of its own parses the lines into events
 * (name and data) as they come; the server's end of the stream shows as {@link #ended}.
 */
public final class EventStream implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Event END = new Event("", "");

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private volatile boolean ended;

    EventStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread reader = new Thread(this::read, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** One event: its name, and its data lines joined. */
    public record Event(String name, String data) {
        public JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + data, e);
            }
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The next event named {@code name} within {@code timeout}, skipping the others; empty when none came. */
    public Optional<Event> next(String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Event event = poll(deadline); event != null; event = poll(deadline)) {
            if (event.name().equals(name)) {
                return Optional.of(event);
            }
        }
        return Optional.empty();
    }

    /** Whether the server ended the stream within {@code timeout} (events before the end are skipped). */
    public boolean ended(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (poll(deadline) != null) {
            // skipped
        }
        return ended;
    }

    private Event poll(long deadline) throws InterruptedException {
        Event event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (event == END) {
            ended = true;
            return null;
        }
        return event;
    }

    private void read() {
        String name = "message";
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(name, data.toString()));
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring("event:".length()).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.length() > 0 ? "\n" : "").append(line.substring("data:".length()).strip());
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            // the client closed the stream
        } finally {
            events.add(END);
        }
    }

    /** Closes the connection from the client's side. */
    @Override
    public void close() {
        response.body().close();
    }
}
