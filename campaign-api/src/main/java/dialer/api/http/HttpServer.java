package dialer.api.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Grizzly serving one Jersey application; stops gracefully, letting requests in flight finish. */
public final class HttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    private final org.glassfish.grizzly.http.server.HttpServer server;
    private final Duration shutdownTimeout;

    private HttpServer(org.glassfish.grizzly.http.server.HttpServer server, Duration shutdownTimeout) {
        this.server = server;
        this.shutdownTimeout = shutdownTimeout;
    }

    /**
     * Starts listening.
     *
     * @param port 0 for any free port; {@link #port()} tells which
     */
    public static HttpServer start(String host, int port, ResourceConfig application, Duration shutdownTimeout) {
        URI uri = URI.create("http://" + host + ":" + port + "/");
        org.glassfish.grizzly.http.server.HttpServer server =
                GrizzlyHttpServerFactory.createHttpServer(uri, application, false);
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + host + ":" + port + " (http.port): " + e.getMessage(), e);
        }
        HttpServer started = new HttpServer(server, shutdownTimeout);
        LOG.info("HTTP server listening on {}:{}", host, started.port());
        return started;
    }

    /** The port actually bound. */
    public int port() {
        NetworkListener listener = server.getListeners().iterator().next();
        return listener.getPort();
    }

    /** Stops taking new connections and waits up to the shutdown timeout for requests in flight. */
    @Override
    public void close() {
        try {
            server.shutdown(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS).get(
                    shutdownTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            LOG.info("HTTP server stopped");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.shutdownNow();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("HTTP server did not stop in {}; closing the remaining connections", shutdownTimeout);
            server.shutdownNow();
        }
    }
}
