package dialer.contact.intake;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fields in PostgreSQL's binary COPY format: each is its length, then its bytes, or -1 for null. Binary
 * rows cost PostgreSQL less to read than text, and need no escaping. NUL characters, which PostgreSQL
 * text cannot hold and no contact field means, are left out.
 */
final class BinaryCopy {
    /** What a binary COPY starts with: the signature, no flags, no header extension. */
    static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    /** What a binary COPY ends with. */
    static final byte[] TRAILER = {(byte) 0xFF, (byte) 0xFF};
    private static final int TEXT_OID = 25;
    private static final int JSONB_VERSION = 1;
    private static final int NULL = -1;

    private BinaryCopy() {
    }

    /** Starts a row of {@code columns} fields. */
    static void row(ByteSink out, int columns) {
        out.putShort(columns);
    }

    static void int4(ByteSink out, Integer value) {
        if (value == null) {
            out.putInt(NULL);
        } else {
            out.putInt(Integer.BYTES);
            out.putInt(value);
        }
    }

    static void int8(ByteSink out, long value) {
        out.putInt(Long.BYTES);
        out.putLong(value);
    }

    static void bool(ByteSink out, boolean value) {
        out.putInt(1);
        out.putByte(value ? 1 : 0);
    }

    static void text(ByteSink out, String value) {
        text(out, utf8(value));
    }

    static void text(ByteSink out, byte[] bytes) {
        if (bytes == null) {
            out.putInt(NULL);
            return;
        }
        out.putInt(bytes.length);
        out.put(bytes);
    }

    /** A {@code jsonb} field from JSON text. */
    static void jsonb(ByteSink out, String json) {
        byte[] bytes = utf8(json);
        out.putInt(bytes.length + 1);
        out.putByte(JSONB_VERSION);
        out.put(bytes);
    }

    /** A one-dimensional text array (lower bound 1) without nulls, or an empty one. */
    static void textArray(ByteSink out, List<String> values) {
        byte[][] elements = new byte[values.size()][];
        int length = values.isEmpty() ? 3 * Integer.BYTES : 5 * Integer.BYTES;
        for (int i = 0; i < elements.length; i++) {
            elements[i] = utf8(values.get(i));
            length += Integer.BYTES + elements[i].length;
        }
        out.putInt(length);
        out.putInt(values.isEmpty() ? 0 : 1);
        out.putInt(0);
        out.putInt(TEXT_OID);
        if (!values.isEmpty()) {
            out.putInt(values.size());
            out.putInt(1);
            for (byte[] element : elements) {
                out.putInt(element.length);
                out.put(element);
            }
        }
    }

    /** The text as PostgreSQL will hold it; null for null. */
    static byte[] utf8(String value) {
        if (value == null) {
            return null;
        }
        return (value.indexOf('\0') < 0 ? value : value.replace("\0", "")).getBytes(StandardCharsets.UTF_8);
    }
}
