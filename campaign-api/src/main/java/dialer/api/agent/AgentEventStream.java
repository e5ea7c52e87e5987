package dialer.api.agent;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dialer.agent.AgentEvent;
import dialer.agent.AgentState;
import dialer.api.http.JsonMapperProvider;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One agent's open event stream: each {@link AgentEvent} becomes an SSE event named after its type, with
 * its data as JSON. Events are written in order on {@code writers}, never on the thread that published
 * them (the engine's), so that a slow client holds up nobody else. The stream ends when the agent logs
 * out, when the client goes away (a write fails), or when it falls {@value #MAX_PENDING} events behind.
 */
final class AgentEventStream implements Consumer<AgentEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(AgentEventStream.class);
    private static final ObjectMapper JSON = new JsonMapperProvider().getContext(Object.class);
    private static final int MAX_PENDING = 1000;

    private final long userId;
    private final SseEventSink sink;
    private final Sse sse;
    private final Executor writers;
    private final Consumer<AgentEventStream> onEnd;
    private final Queue<Item> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger backlog = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();

    AgentEventStream(long userId, SseEventSink sink, Sse sse, Executor writers, Consumer<AgentEventStream> onEnd) {
        this.userId = userId;
        this.sink = sink;
        this.sse = sse;
        this.writers = writers;
        this.onEnd = onEnd;
    }

    long userId() {
        return userId;
    }

    @Override
    public void accept(AgentEvent event) {
        String data;
        try {
            data = JSON.writeValueAsString(event.data());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("an event's data is always JSON: " + event.type(), e);
        }
        boolean loggedOut = "state".equals(event.type()) && AgentState.OFFLINE.code().equals(event.data().get("state"));
        offer(new Item(sse.newEventBuilder().name(event.type()).data(data).build(), loggedOut));
    }

    /** A comment line, so that a client gone away is noticed and proxies keep the connection open. */
    void keepAlive() {
        offer(new Item(sse.newEventBuilder().comment("keep-alive").build(), false));
    }

    /** Closes the stream; the agent's desk stops sending to it. */
    void end() {
        if (ended.compareAndSet(false, true)) {
            pending.clear();
            onEnd.accept(this);
            try {
                sink.close();
            } catch (RuntimeException gone) {
                LOG.debug("The event stream of user {} was closed by the client already", userId, gone);
            }
        }
    }

    private void offer(Item item) {
        if (ended.get()) {
            return;
        }
        if (backlog.incrementAndGet() > MAX_PENDING) {
            end();
            return;
        }
        pending.add(item);
        scheduleWriting();
    }

    private void scheduleWriting() {
        if (writing.compareAndSet(false, true)) {
            try {
                writers.execute(this::writePending);
            } catch (RejectedExecutionException stopping) {
                end();
            }
        }
    }

    private void writePending() {
        try {
            for (Item item = pending.poll(); item != null && !ended.get(); item = pending.poll()) {
                backlog.decrementAndGet();
                write(item.event());
                if (item.last()) {
                    end();
                }
            }
        } finally {
            writing.set(false);
        }
        if (!pending.isEmpty() && !ended.get()) {
            scheduleWriting();
        }
    }

    private void write(OutboundSseEvent event) {
        if (sink.isClosed()) {
            end();
            return;
        }
        try {
            sink.send(event).whenComplete((done, failure) -> {
                if (failure != null) {
                    end();
                }
            });
        } catch (RuntimeException closed) {
            end();
        }
    }

    /** An event to write, and whether the stream ends after it. */
    private record Item(OutboundSseEvent event, boolean last) {
    }
}
