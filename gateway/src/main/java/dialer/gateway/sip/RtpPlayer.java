package dialer.gateway.sip;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sends G.711 audio as RTP (RFC 3550): 20 ms, 160 samples a packet, from the media port the appliance's
 * SDP offers, on a clock of its own so that the SIP traffic does not jitter it.
 */
final class RtpPlayer {
    static final int SAMPLES_PER_PACKET = 160;
    static final long PACKET_MILLIS = 20;
    /** How long after the last packet playback counts as done: the receiver's jitter buffer plays it out meanwhile. */
    static final long TAIL_MILLIS = 60;
    private static final int HEADER_BYTES = 12;
    private static final System.Logger LOG = System.getLogger(RtpPlayer.class.getName());

    private final DatagramChannel channel;
    private final ScheduledExecutorService clock;

    RtpPlayer(DatagramChannel channel, ScheduledExecutorService clock) {
        this.channel = channel;
        this.clock = clock;
    }

    /** A playback under way: stop it to send no more. */
    interface Playback {
        void stop();
    }

    /** Plays {@code samples} to {@code target}; {@code whenDone} runs {@link #TAIL_MILLIS} after the last packet, unless stopped first. */
    Playback play(MediaTarget target, byte[] samples, Runnable whenDone) {
        Stream stream = new Stream(target, samples, whenDone);
        clock.execute(stream::next);
        return stream;
    }

    private final class Stream implements Playback {
        private final InetSocketAddress to;
        private final byte[] samples;
        private final Runnable whenDone;
        private final ByteBuffer packet = ByteBuffer.allocate(HEADER_BYTES + SAMPLES_PER_PACKET);
        private final int ssrc = ThreadLocalRandom.current().nextInt();
        private final int payloadType;
        private int sequence = ThreadLocalRandom.current().nextInt(1 << 16);
        private int timestamp = ThreadLocalRandom.current().nextInt();
        private final long startNanos = System.nanoTime();
        private int offset;
        private int sent;
        private volatile boolean stopped;

        Stream(MediaTarget target, byte[] samples, Runnable whenDone) {
            this.to = target.address();
            this.payloadType = target.payloadType();
            this.samples = samples;
            this.whenDone = whenDone;
        }

        private void next() {
            if (stopped) {
                return;
            }
            if (offset >= samples.length) {
                stopped = true;
                clock.schedule(whenDone, TAIL_MILLIS - PACKET_MILLIS, TimeUnit.MILLISECONDS);
                return;
            }
            int length = Math.min(SAMPLES_PER_PACKET, samples.length - offset);
            packet.clear();
            packet.put((byte) 0x80);
            packet.put((byte) ((offset == 0 ? 0x80 : 0) | payloadType));
            packet.putShort((short) sequence++);
            packet.putInt(timestamp);
            packet.putInt(ssrc);
            packet.put(samples, offset, length);
            packet.flip();
            offset += length;
            timestamp += length;
            try {
                channel.send(packet, to);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "RTP to {0} failed: {1}", to, e.getMessage());
            }
            sent++;
            long due = startNanos + TimeUnit.MILLISECONDS.toNanos(sent * PACKET_MILLIS);
            clock.schedule(this::next, due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public void stop() {
            stopped = true;
        }
    }
}
