package dialer.contact.intake;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Stops a quote left open from pulling the rest of a file into one field in memory: more than
 * {@link #MAX_QUOTED_CHARS} characters inside one quoted field is an error. Doubled quotes inside a
 * quoted field ({@code ""}) toggle twice and so keep the count going.
 */
final class QuotedFieldGuard extends FilterReader {
    static final int MAX_QUOTED_CHARS = 1 << 20;

    private boolean quoted;
    private int quotedChars;

    QuotedFieldGuard(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            track((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        for (int i = offset; i < offset + read; i++) {
            track(buffer[i]);
        }
        return read;
    }

    private void track(char c) throws IOException {
        if (c == '"') {
            quoted = !quoted;
        }
        if (!quoted) {
            quotedChars = 0;
        } else if (++quotedChars > MAX_QUOTED_CHARS) {
            throw new IOException("a quoted field runs past " + MAX_QUOTED_CHARS
                    + " characters: a quote was probably left open");
        }
    }
}
