package dialer.api.contact;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Copies an upload to a file in the data directory as it arrives, so that it is never held in memory
 * and can be imported after the answer has gone; refuses uploads larger than the configured limit.
 */
public final class UploadSpooler {
    private static final int BUFFER = 1 << 16;
    private static final String PREFIX = "upload-";

    private final Path directory;
    private final long maxBytes;

    public UploadSpooler(Path directory, long maxBytes) {
        this.directory = directory;
        this.maxBytes = maxBytes;
    }

    /** Deletes uploads a previous run left behind (it stopped before importing them); returns how many. */
    public int deleteLeftovers() {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (var files = Files.list(directory)) {
            List<Path> leftovers = files.filter(file -> file.getFileName().toString().startsWith(PREFIX)).toList();
            for (Path file : leftovers) {
                Files.deleteIfExists(file);
            }
            return leftovers.size();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean " + directory, e);
        }
    }

    /**
     * @return the spooled file, which the caller then owns
     * @throws UploadTooLargeException past the limit (nothing is kept)
     */
    public Path spool(InputStream upload) {
        Path file = null;
        try {
            Files.createDirectories(directory);
            file = Files.createTempFile(directory, PREFIX, ".csv");
            long total = 0;
            byte[] buffer = new byte[BUFFER];
            try (OutputStream out = Files.newOutputStream(file)) {
                for (int read = upload.read(buffer); read >= 0; read = upload.read(buffer)) {
                    total += read;
                    if (total > maxBytes) {
                        throw new UploadTooLargeException("The file is larger than the limit of "
                                + maxBytes / (1024 * 1024) + " MiB (imports.max-size-mb)");
                    }
                    out.write(buffer, 0, read);
                }
            }
            return file;
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException("Cannot store the upload in " + directory, e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** An upload over the size limit: 413. */
    public static final class UploadTooLargeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UploadTooLargeException(String message) {
            super(message);
        }
    }
}
