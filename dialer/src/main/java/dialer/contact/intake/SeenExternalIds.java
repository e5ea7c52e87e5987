package dialer.contact.intake;

import java.util.function.ToLongFunction;

import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;

/**
 * The external ids a file has shown so far, each with the line it first came on, compared exactly: a
 * 64-bit hash of each id points to the id itself, kept in a {@link KeyLog}, so that two ids are the same
 * only when their bytes are. Memory holds 16 bytes an id (with the hash table's slack, about 32 MiB for a
 * million); the ids themselves go to a temporary file. Not thread-safe.
 */
final class SeenExternalIds implements AutoCloseable {
    private static final long ABSENT = -1;

    private final Long2LongOpenHashMap offsets;
    private final ToLongFunction<byte[]> hash;
    private final KeyLog log = KeyLog.create();

    /** For about {@code expectedIds} ids. */
    SeenExternalIds(int expectedIds) {
        this(expectedIds, SeenExternalIds::hash);
    }

    /** With another hash function: tests give a poor one, to see ids whose hashes are equal told apart. */
    SeenExternalIds(int expectedIds, ToLongFunction<byte[]> hash) {
        this.offsets = new Long2LongOpenHashMap(expectedIds);
        this.hash = hash;
        offsets.defaultReturnValue(ABSENT);
    }

    /**
     * Records the id as seen on {@code line}, unless it was seen before.
     *
     * @param id the id's bytes as stored
     * @return the line the id first came on, or -1 when this is its first time
     */
    long firstLine(byte[] id, long line) {
        // ids whose hashes are equal but whose bytes differ go on to the next hash in the sequence
        for (long key = hash.applyAsLong(id); ; key = mix(key + 1)) {
            long offset = offsets.putIfAbsent(key, log.nextOffset());
            if (offset == ABSENT) {
                log.append(id, line);
                return ABSENT;
            }
            long first = log.lineIfSame(offset, id);
            if (first != ABSENT) {
                return first;
            }
        }
    }

    @Override
    public void close() {
        log.close();
    }

    /** A 64-bit hash of the bytes (FNV-1a, then MurmurHash3's finaliser). */
    static long hash(byte[] bytes) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return mix(hash);
    }

    private static long mix(long hash) {
        long h = hash;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }
}
