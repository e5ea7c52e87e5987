package dialer.contact.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Handle;

/**
 * The rejected rows of an import, held as COPY data for {@code import_rejects} until the contacts' COPY
 * has ended (a connection runs one COPY at a time), then COPYed in one go. Past a few hundred KiB they
 * wait in a temporary file, so memory stays bounded however many rows are rejected. Not thread-safe.
 */
final class RejectSpool implements AutoCloseable {
    private static final int COLUMNS = 5;
    private static final int SPILL_BYTES = 1 << 18;

    private final long importId;
    private final ByteSink buffer = new ByteSink(SPILL_BYTES + 4096);
    private final Map<RejectReason, Long> counts = new EnumMap<>(RejectReason.class);
    private FileChannel spill;

    RejectSpool(long importId) {
        this.importId = importId;
    }

    /** Keeps a rejected row: its line, why, and its cells as read. */
    void add(long line, RejectReason reason, String detail, List<String> cells) {
        BinaryCopy.row(buffer, COLUMNS);
        BinaryCopy.int8(buffer, importId);
        BinaryCopy.int8(buffer, line);
        BinaryCopy.text(buffer, reason.code());
        BinaryCopy.text(buffer, detail);
        BinaryCopy.jsonb(buffer, RowNormalizer.toJsonArray(cells));
        counts.merge(reason, 1L, Long::sum);
        if (buffer.size() >= SPILL_BYTES) {
            spill();
        }
    }

    /** How many rows were kept, for each reason. */
    Map<RejectReason, Long> counts() {
        return counts;
    }

    /** COPYs every kept row into {@code import_rejects}, in {@code handle}'s transaction. */
    void save(Handle handle) {
        try (CopyStream copy = CopyStream.open(handle, "import_rejects (import_id, line, reason, detail, fields)", "")) {
            if (spill != null) {
                ByteBuffer chunk = ByteBuffer.allocate(SPILL_BYTES);
                for (long at = 0; spill.read(chunk.clear(), at) > 0; at += chunk.position()) {
                    copy.write(chunk.array(), chunk.position());
                }
            }
            copy.write(buffer);
            copy.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the temporary file, if any. */
    @Override
    public void close() {
        try {
            if (spill != null) {
                spill.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void spill() {
        try {
            if (spill == null) {
                // deleted on close, and on POSIX systems unlinked at once: nothing is left after a crash
                spill = FileChannel.open(Files.createTempFile("intake-rejects", ".copy"), StandardOpenOption.READ,
                        StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
            }
            ByteBuffer bytes = ByteBuffer.wrap(buffer.array(), 0, buffer.size());
            while (bytes.hasRemaining()) {
                spill.write(bytes);
            }
            buffer.clear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
