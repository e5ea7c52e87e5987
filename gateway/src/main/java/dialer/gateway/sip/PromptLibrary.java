package dialer.gateway.sip;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import dialer.gateway.Prompt;

/**
 * The recorded messages, read from WAV files (8 kHz, mono; 16-bit PCM, u-law or A-law) and kept encoded
 * in the law each call needs. The JDK's own codecs do the conversion.
 */
final class PromptLibrary {
    private static final float SAMPLE_RATE = 8000f;

    private final Path directory;
    private final Map<String, byte[]> encoded = new ConcurrentHashMap<>();

    PromptLibrary(Path directory) {
        this.directory = directory;
    }

    /**
     * The samples of {@code prompt} in the law of {@code payloadType}, one byte each.
     *
     * @throws IllegalArgumentException when the file is missing, unreadable, or not 8 kHz mono
     */
    byte[] samples(Prompt prompt, int payloadType) {
        return encoded.computeIfAbsent(prompt.name() + "/" + payloadType, key -> read(prompt, payloadType));
    }

    private byte[] read(Prompt prompt, int payloadType) {
        Path file = directory.resolve(prompt.name().endsWith(".wav") ? prompt.name() : prompt.name() + ".wav").normalize();
        if (!file.startsWith(directory.normalize())) {
            throw new IllegalArgumentException("prompt " + prompt.name() + " is outside " + directory);
        }
        AudioFormat.Encoding law = payloadType == MediaTarget.PCMA ? AudioFormat.Encoding.ALAW : AudioFormat.Encoding.ULAW;
        try (InputStream in = Files.newInputStream(file);
                AudioInputStream wav = AudioSystem.getAudioInputStream(new BufferedInputStream(in))) {
            AudioFormat format = wav.getFormat();
            if (format.getSampleRate() != SAMPLE_RATE || format.getChannels() != 1) {
                throw new IllegalArgumentException("prompt " + file + " is " + format + "; it must be 8 kHz mono");
            }
            if (format.getEncoding().equals(law)) {
                return wav.readAllBytes();
            }
            AudioInputStream pcm = format.getEncoding().equals(AudioFormat.Encoding.PCM_SIGNED)
                    ? wav : AudioSystem.getAudioInputStream(AudioFormat.Encoding.PCM_SIGNED, wav);
            try (AudioInputStream converted = AudioSystem.getAudioInputStream(law, pcm)) {
                return converted.readAllBytes();
            }
        } catch (IOException | UnsupportedAudioFileException e) {
            throw new IllegalArgumentException("prompt " + file + " cannot be read as a WAV file: " + e.getMessage(), e);
        }
    }
}
