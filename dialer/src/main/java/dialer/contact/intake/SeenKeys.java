package dialer.contact.intake;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Which keys (numbers, external ids) a batch of rows has shown so far, in a fixed amount of memory, so
 * that the database looks for duplicates only among the rows whose key may have come before instead of
 * sorting every row. A blocked Bloom filter: a key it has seen is always reported seen; a new key is
 * now and then reported seen too, which costs a little time and never a wrong answer. Thread-safe: of
 * any two rows with the same key, at least one is reported seen, in whatever order threads mark them.
 */
final class SeenKeys {
    private static final int BITS_PER_KEY = 4;
    private static final int MIN_WORDS = 1 << 10;
    private static final int MAX_WORDS = 1 << 20;

    private final AtomicLongArray words;
    private final int indexMask;

    private SeenKeys(int words) {
        this.words = new AtomicLongArray(words);
        this.indexMask = words - 1;
    }

    /** Sized for about {@code expectedKeys} keys: one 64-bit word per key, at most 8 MiB. */
    static SeenKeys forKeys(long expectedKeys) {
        long words = Long.highestOneBit(Math.max(MIN_WORDS, Math.min(MAX_WORDS, expectedKeys)) * 2 - 1);
        return new SeenKeys((int) words);
    }

    /**
     * Records {@code key}.
     *
     * @return true when the key may have been recorded before; false when it certainly was not (or is null)
     */
    boolean markSeen(byte[] key) {
        if (key == null) {
            return false;
        }
        long hash = mix(Arrays.hashCode(key));
        int index = (int) (hash & indexMask);
        long bits = 0;
        for (int i = 0; i < BITS_PER_KEY; i++) {
            bits |= 1L << ((hash >>> (32 + 6 * i)) & 63);
        }
        while (true) {
            long word = words.get(index);
            if ((word & bits) == bits) {
                return true;
            }
            if (words.compareAndSet(index, word, word | bits)) {
                return false;
            }
        }
    }

    /** Spreads a 32-bit hash over 64 bits (MurmurHash3's finaliser). */
    private static long mix(int hash) {
        long h = hash * 0x9E3779B97F4A7C15L;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }
}
