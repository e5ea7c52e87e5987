package dialer.contact.intake;

import java.util.Arrays;

/** A growable array of bytes that numbers are written into in network byte order (big-endian). */
final class ByteSink {
    private byte[] bytes;
    private int size;

    ByteSink(int capacity) {
        this.bytes = new byte[capacity];
    }

    void put(byte[] values) {
        room(values.length);
        System.arraycopy(values, 0, bytes, size, values.length);
        size += values.length;
    }

    void putByte(int value) {
        room(1);
        bytes[size++] = (byte) value;
    }

    void putShort(int value) {
        room(2);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
    }

    void putInt(int value) {
        room(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (value >>> shift);
        }
    }

    void putLong(long value) {
        room(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (value >>> shift);
        }
    }

    /** The array behind the sink: its first {@link #size()} bytes are what was written. */
    byte[] array() {
        return bytes;
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    /** Forgets what was written past the first {@code length} bytes. */
    void truncate(int length) {
        if (length < 0 || length > size) {
            throw new IllegalArgumentException("cannot truncate " + size + " bytes to " + length);
        }
        size = length;
    }

    private void room(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
