package dialer.api.agent;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import dialer.agent.AgentDesk;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * The agents' open event streams (Server-Sent Events): each follows its agent's desk until the agent logs
 * out or the client goes away, which a keep-alive comment every {@code keepAlive} notices. Closing this
 * ends every stream, so that the HTTP server does not wait for them to stop.
 */
public final class AgentEventStreams implements AutoCloseable {
    private final AgentDesk desk;
    private final Set<AgentEventStream> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService writers = Executors.newCachedThreadPool(daemons("agent-events"));
    private final ScheduledExecutorService keepAlives = Executors.newSingleThreadScheduledExecutor(daemons("agent-events-keep-alive"));
    private volatile boolean closed;

    public AgentEventStreams(AgentDesk desk, Duration keepAlive) {
        this.desk = desk;
        long period = keepAlive.toMillis();
        keepAlives.scheduleAtFixedRate(() -> open.forEach(AgentEventStream::keepAlive), period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Sends user {@code userId}'s desk events to {@code sink}; false (and nothing sent) when the agent is not
     * logged in here. While the appliance stops, the stream ends at once.
     */
    boolean open(long userId, SseEventSink sink, Sse sse) {
        AgentEventStream stream = new AgentEventStream(userId, sink, sse, writers, this::ended);
        open.add(stream);
        if (!desk.subscribe(userId, stream)) {
            open.remove(stream);
            return false;
        }
        if (closed) {
            stream.end();
        }
        return true;
    }

    private void ended(AgentEventStream stream) {
        open.remove(stream);
        desk.unsubscribe(stream.userId(), stream);
    }

    /** Ends every stream, then stops writing. */
    @Override
    public void close() {
        closed = true;
        keepAlives.shutdownNow();
        open.forEach(AgentEventStream::end);
        writers.shutdown();
        try {
            writers.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writers.shutdownNow();
    }

    private static ThreadFactory daemons(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
