package dialer.contact.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Keys (texts as bytes) with a line each, appended to a temporary file and read back by the offset
 * {@link #append} gave, so that exact keys are kept for comparison in little memory whatever their
 * number and length. The newest records are read from memory; the file is deleted on close.
 */
final class KeyLog implements AutoCloseable {
    private static final int BUFFER_BYTES = 1 << 16;
    private static final int RECORD_HEADER = Long.BYTES + Integer.BYTES;

    private final Path path;
    private final FileChannel file;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    private final ByteBuffer header = ByteBuffer.allocate(RECORD_HEADER);
    private long flushed;

    private KeyLog(Path path, FileChannel file) {
        this.path = path;
        this.file = file;
    }

    static KeyLog create() {
        try {
            Path path = Files.createTempFile("intake-keys", ".log");
            return new KeyLog(path, FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the next {@link #append} will keep its key. */
    long nextOffset() {
        return flushed + buffer.position();
    }

    /** Keeps the key and its line; returns where they are kept. */
    long append(byte[] key, long line) {
        int size = RECORD_HEADER + key.length;
        if (buffer.remaining() < size) {
            flush();
        }
        long offset = flushed + buffer.position();
        if (size > buffer.capacity()) {
            flushed += write(ByteBuffer.allocate(size).putLong(line).putInt(key.length).put(key).flip());
        } else {
            buffer.putLong(line).putInt(key.length).put(key);
        }
        return offset;
    }

    /** The line kept at {@code offset} when the key kept with it equals {@code key}; -1 when it does not. */
    long lineIfSame(long offset, byte[] key) {
        if (offset >= flushed) {
            int at = (int) (offset - flushed);
            return buffer.getInt(at + Long.BYTES) == key.length
                    && Arrays.equals(buffer.array(), at + RECORD_HEADER, at + RECORD_HEADER + key.length, key, 0, key.length)
                    ? buffer.getLong(at) : -1;
        }
        read(header.clear(), offset);
        if (header.getInt(Long.BYTES) != key.length) {
            return -1;
        }
        ByteBuffer kept = ByteBuffer.allocate(key.length);
        read(kept, offset + RECORD_HEADER);
        return Arrays.equals(kept.array(), key) ? header.getLong(0) : -1;
    }

    @Override
    public void close() {
        try {
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + path, e);
        }
    }

    private void flush() {
        flushed += write(buffer.flip());
        buffer.clear();
    }

    /** Writes the bytes where the file ends; returns how many. */
    private int write(ByteBuffer bytes) {
        try {
            int length = bytes.remaining();
            for (long at = flushed; bytes.hasRemaining(); ) {
                at += file.write(bytes, at);
            }
            return length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void read(ByteBuffer into, long position) {
        try {
            while (into.hasRemaining()) {
                if (file.read(into, position + into.position()) < 0) {
                    throw new IllegalStateException("The key log ends before offset " + position);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
