package dialer.gateway.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Ports to run SIP on loopback, for the benchmark and the tests: SIP listens on UDP and TCP at once. */
public final class LoopbackPorts {
    /** The loopback address everything here binds to. */
    public static final String HOST = "127.0.0.1";
    private static final int ATTEMPTS = 50;

    private LoopbackPorts() {
    }

    /** A port free for both UDP and TCP on {@link #HOST} now (another process may take it later). */
    public static int freeForUdpAndTcp() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(HOST, 0));
                    ServerSocket tcp = new ServerSocket()) {
                tcp.bind(new InetSocketAddress(HOST, udp.getLocalPort()));
                return udp.getLocalPort();
            } catch (BindException e) {
                continue;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no port free for both UDP and TCP on " + HOST + " in " + ATTEMPTS + " tries");
    }
}
