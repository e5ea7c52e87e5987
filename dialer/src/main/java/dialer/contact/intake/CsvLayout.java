package dialer.contact.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a CSV file is written, guessed from its first 64 KiB: UTF-8 (with or without a byte-order mark)
 * or Windows-1251 (what Russian Excel saves), and the delimiter ({@code ,} {@code ;} or tab) that the
 * first line uses most outside quotes.
 */
public record CsvLayout(Charset charset, boolean byteOrderMark, char delimiter) {
    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    /** What {@link #decoder()} puts in place of bytes it cannot decode. */
    static final char UNDECODABLE = '\uD800';
    private static final int SAMPLE_BYTES = 64 * 1024;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final char[] DELIMITERS = {',', ';', '\t'};

    public static CsvLayout detect(Path file) {
        byte[] sample;
        try (InputStream in = Files.newInputStream(file)) {
            sample = in.readNBytes(SAMPLE_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean bom = startsWithBom(sample);
        int offset = bom ? UTF8_BOM.length : 0;
        if (new String(sample, offset, sample.length - offset, StandardCharsets.ISO_8859_1).isBlank()) {
            throw new UnreadableUploadException("The file is empty");
        }
        Charset charset = bom || isUtf8(sample, offset, sample.length == SAMPLE_BYTES) ? StandardCharsets.UTF_8 : WINDOWS_1251;
        String text = new String(sample, offset, sample.length - offset, charset);
        return new CsvLayout(charset, bom, delimiterOf(firstLine(text)));
    }

    /** Bytes to skip at the start of the file. */
    int skipBytes() {
        return byteOrderMark ? UTF8_BOM.length : 0;
    }

    /**
     * A decoder that turns bytes not valid in this charset into {@link #UNDECODABLE}, which the import then
     * refuses with the line it is on (a decoder that throws would report where its read-ahead was, not the
     * line). A lone surrogate is used because no valid input decodes to one, unlike U+FFFD.
     */
    CharsetDecoder decoder() {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(String.valueOf(UNDECODABLE));
    }

    private static boolean startsWithBom(byte[] sample) {
        return sample.length >= 3 && sample[0] == UTF8_BOM[0] && sample[1] == UTF8_BOM[1] && sample[2] == UTF8_BOM[2];
    }

    /** Whether the sample decodes as UTF-8; a character cut by the end of a partial sample does not count. */
    private static boolean isUtf8(byte[] sample, int offset, boolean truncated) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(sample, offset, sample.length - offset);
        CharBuffer out = CharBuffer.allocate(sample.length);
        CoderResult result = decoder.decode(in, out, !truncated);
        if (result.isError()) {
            return false;
        }
        return truncated ? in.remaining() < 4 : !decoder.flush(out).isError();
    }

    private static String firstLine(String text) {
        String trimmed = text.stripLeading();
        int end = trimmed.indexOf('\n');
        return end < 0 ? trimmed : trimmed.substring(0, end);
    }

    private static char delimiterOf(String line) {
        int[] counts = new int[DELIMITERS.length];
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            for (int i = 0; i < DELIMITERS.length && !quoted; i++) {
                if (c == DELIMITERS[i]) {
                    counts[i]++;
                }
            }
        }
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return DELIMITERS[best];
    }
}
