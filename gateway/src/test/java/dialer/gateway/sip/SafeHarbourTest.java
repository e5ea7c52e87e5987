package dialer.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import dialer.gateway.CallHandle;
import dialer.gateway.Prompt;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The safe-harbour message against sipp: the called party's SDP names a UDP port this test listens on (its
 * media endpoint); the driver sends the prompt there as RTP in 20 ms packets, then sipp gets the BYE.
 */
class SafeHarbourTest {
    private static final int SAMPLE_RATE = 8000;
    private static final double PROMPT_SECONDS = 1.5;
    private static final double TONE_AMPLITUDE = 8000;

    /** When the last RTP packet came, by the wall clock sipp's log uses too. */
    private LocalTime lastPacketClock;

    @ParameterizedTest(name = "the callee prefers payload type {1} ({0})")
    @CsvSource({"A-law, 8, 8 0", "u-law, 0, 0 8"})
    void thePromptIsPlayedAsRtpForItsLengthThenTheCallIsHungUp(String law, int payloadType, String codecs, @TempDir Path prompts)
            throws Exception {
        writeTone(prompts.resolve("goodbye.wav"));
        try (DatagramSocket media = new DatagramSocket(new InetSocketAddress(Sipp.HOST, 0));
                Sipp callee = Sipp.serve("answer.xml", Sipp.freePort(), "-d", "100", "-m", "1", "-key", "rtp_port",
                        Integer.toString(media.getLocalPort()), "-key", "codecs", codecs);
                DriverFixture fixture = new DriverFixture(prompts, false, List.of(SipTrunk.of("t", Sipp.HOST, callee.port(), 10, 10, 1)))) {
            CallHandle call = fixture.call("t", "+79161234567");
            fixture.events.await(call.id(), "answered", Duration.ofSeconds(10));
            fixture.driver.playAndHangup(call, new Prompt("goodbye", Duration.ofMillis((long) (PROMPT_SECONDS * 1000))));

            List<Packet> packets = receive(media);
            Events.Event ended = fixture.events.await(call.id(), "ended", Duration.ofSeconds(10));
            assertThat(callee.awaitExit(Duration.ofSeconds(10))).as("sipp got its BYE").isZero();

            int expected = (int) (PROMPT_SECONDS * SAMPLE_RATE / RtpPlayer.SAMPLES_PER_PACKET);
            assertThat(packets).hasSize(expected);
            for (int i = 0; i < packets.size(); i++) {
                assertThat(packets.get(i).sequence()).as("sequence").isEqualTo((packets.get(0).sequence() + i) & 0xFFFF);
                assertThat(packets.get(i).timestamp()).as("timestamp")
                        .isEqualTo((packets.get(0).timestamp() + (long) i * RtpPlayer.SAMPLES_PER_PACKET) & 0xFFFFFFFFL);
                assertThat(packets.get(i).payloadType()).as("payload type: %s, the first the callee offered", law).isEqualTo(payloadType);
            }
            assertThat(maxDeviation(decode(packets, payloadType))).as("the decoded audio is the tone").isLessThan(0.05);
            long spreadMillis = (packets.get(packets.size() - 1).nanos() - packets.get(0).nanos()) / 1_000_000;
            assertThat(spreadMillis).as("sent in real time, 20 ms apart").isBetween((long) ((expected - 1) * 20 * 0.9), (long) ((expected - 1) * 20 * 1.2));
            assertThat(ended.what()).isEqualTo("ended ANSWERED");
            assertThat(ended.nanos()).as("hung up after the last packet").isGreaterThan(packets.get(packets.size() - 1).nanos());
            LocalTime bye = callee.messages().stream().filter(message -> message.received() && message.isRequest("BYE")).findFirst()
                    .orElseThrow().at();
            assertThat(bye).isAfter(lastPacketClock);
        }
    }

    /** An RTP packet as it arrived. */
    private record Packet(long nanos, int sequence, long timestamp, int payloadType, byte[] payload) {
    }

    /** The packets, until none comes for a second. */
    private List<Packet> receive(DatagramSocket media) throws Exception {
        List<Packet> packets = new ArrayList<>();
        byte[] buffer = new byte[2048];
        media.setSoTimeout(3000);
        while (true) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                media.receive(packet);
            } catch (SocketTimeoutException e) {
                return packets;
            }
            lastPacketClock = LocalTime.now();
            media.setSoTimeout(1000);
            ByteBuffer rtp = ByteBuffer.wrap(buffer, 0, packet.getLength()).order(ByteOrder.BIG_ENDIAN);
            assertThat(rtp.get(0) & 0xC0).as("RTP version 2").isEqualTo(0x80);
            assertThat(packet.getLength()).isEqualTo(12 + RtpPlayer.SAMPLES_PER_PACKET);
            byte[] payload = new byte[packet.getLength() - 12];
            rtp.get(12, payload);
            packets.add(new Packet(System.nanoTime(), rtp.getShort(2) & 0xFFFF, rtp.getInt(4) & 0xFFFFFFFFL, rtp.get(1) & 0x7F, payload));
        }
    }

    /** The packets' samples decoded from their G.711 law by the JDK, as 16-bit values. */
    private static short[] decode(List<Packet> packets, int payloadType) throws Exception {
        java.io.ByteArrayOutputStream law = new java.io.ByteArrayOutputStream();
        for (Packet packet : packets) {
            law.write(packet.payload());
        }
        AudioFormat format = new AudioFormat(payloadType == 8 ? AudioFormat.Encoding.ALAW : AudioFormat.Encoding.ULAW, SAMPLE_RATE, 8, 1, 1,
                SAMPLE_RATE, false);
        try (AudioInputStream encoded = new AudioInputStream(new ByteArrayInputStream(law.toByteArray()), format, law.size());
                AudioInputStream pcm = AudioSystem.getAudioInputStream(new AudioFormat(SAMPLE_RATE, 16, 1, true, false), encoded)) {
            ByteBuffer bytes = ByteBuffer.wrap(pcm.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            short[] samples = new short[bytes.remaining() / 2];
            bytes.asShortBuffer().get(samples);
            return samples;
        }
    }

    /** The largest difference between {@code samples} and the tone, as a fraction of its amplitude. */
    private static double maxDeviation(short[] samples) {
        double worst = 0;
        for (int i = 0; i < samples.length; i++) {
            worst = Math.max(worst, Math.abs(samples[i] - tone(i)) / TONE_AMPLITUDE);
        }
        return worst;
    }

    private static double tone(int sample) {
        return TONE_AMPLITUDE * Math.sin(2 * Math.PI * 440 * sample / SAMPLE_RATE);
    }

    /** Writes {@link #PROMPT_SECONDS} of a 440 Hz tone, 8 kHz 16-bit mono PCM, as a WAV file. */
    static void writeTone(Path file) throws Exception {
        int samples = (int) (PROMPT_SECONDS * SAMPLE_RATE);
        ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            pcm.putShort((short) tone(i));
        }
        AudioFormat format = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, samples);
                java.io.OutputStream out = Files.newOutputStream(file)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
        }
    }
}
