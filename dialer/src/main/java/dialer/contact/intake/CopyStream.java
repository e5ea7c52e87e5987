package dialer.contact.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;

import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** A binary {@code COPY ... FROM STDIN} on the connection of a handle, from its header to its trailer. */
final class CopyStream implements AutoCloseable {
    private final CopyIn copy;
    private final String target;

    private CopyStream(CopyIn copy, String target) {
        this.copy = copy;
        this.target = target;
    }

    /**
     * Starts {@code COPY <target> FROM STDIN} in binary format, with {@code options} after it
     * ({@code FREEZE}, or nothing).
     */
    static CopyStream open(Handle handle, String target, String options) {
        try {
            CopyIn copy = handle.getConnection().unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + target + " FROM STDIN (FORMAT binary" + options + ")");
            CopyStream stream = new CopyStream(copy, target);
            stream.write(BinaryCopy.HEADER, BinaryCopy.HEADER.length);
            return stream;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot start COPY into " + target + ": " + e.getMessage(), e);
        }
    }

    /** Sends rows encoded with {@link BinaryCopy}. */
    void write(ByteSink rows) {
        write(rows.array(), rows.size());
    }

    void write(byte[] bytes, int length) {
        try {
            copy.writeToCopy(bytes, 0, length);
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("COPY into " + target + " failed: " + e.getMessage(), e));
        }
    }

    /** Sends the trailer and waits for the database to take every row; returns how many it took. */
    long end() {
        write(BinaryCopy.TRAILER, BinaryCopy.TRAILER.length);
        try {
            return copy.endCopy();
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + target + " failed: " + e.getMessage(), e);
        }
    }

    /** Abandons an unfinished COPY; the transaction is then rolled back. */
    @Override
    public void close() {
        if (copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot cancel the COPY into " + target + ": " + e.getMessage(), e);
            }
        }
    }
}
