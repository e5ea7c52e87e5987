package dialer.packaging.endtoend;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** The safe-harbour message an abandoned call hears: a second of a 440 Hz tone, 8 kHz mono 16-bit PCM, as the appliance reads prompts. */
final class SafeHarbourPrompt {
    private static final int RATE = 8000;

    private SafeHarbourPrompt() {
    }

    /** Writes {@code prompts/safe-harbour.wav} under the appliance's data directory {@code dataDir}. */
    static void write(Path dataDir) throws IOException {
        ByteBuffer samples = ByteBuffer.allocate(2 * RATE).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < RATE; i++) {
            samples.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / RATE)));
        }
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        Path prompts = Files.createDirectories(dataDir.resolve("prompts"));
        try (AudioInputStream tone = new AudioInputStream(new ByteArrayInputStream(samples.array()), format, RATE)) {
            AudioSystem.write(tone, AudioFileFormat.Type.WAVE, prompts.resolve("safe-harbour.wav").toFile());
        }
    }
}
