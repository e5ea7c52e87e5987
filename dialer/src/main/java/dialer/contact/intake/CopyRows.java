package dialer.contact.intake;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes {@link IntakeRow}s in PostgreSQL's binary COPY format, in the column order of {@link StagingTable},
 * with, for each row, whether its number and its external id may have come in an earlier row (see
 * {@link SeenKeys}). Binary rows cost PostgreSQL less to read than text, and need no escaping. NUL
 * characters, which PostgreSQL text cannot hold and no contact field means, are left out. Thread-safe.
 */
final class CopyRows {
    /** What a binary COPY starts with: the signature, no flags, no header extension. */
    static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    /** What a binary COPY ends with. */
    static final byte[] TRAILER = {(byte) 0xFF, (byte) 0xFF};
    private static final int COLUMNS = 14;
    private static final int TEXT_OID = 25;
    private static final int JSONB_VERSION = 1;
    private static final int NULL = -1;

    private final SeenKeys phones;
    private final SeenKeys externalIds;

    /** For a batch of about {@code expectedRows} rows. */
    CopyRows(long expectedRows) {
        this.phones = SeenKeys.forKeys(expectedRows);
        this.externalIds = SeenKeys.forKeys(expectedRows);
    }

    void append(ByteSink out, IntakeRow row) {
        byte[] phone = utf8(row.phone());
        byte[] externalId = utf8(row.externalId());
        out.putShort(COLUMNS);
        out.putInt(Long.BYTES);
        out.putLong(row.line());
        text(out, phone);
        textArray(out, row.altPhones());
        text(out, row.timeZone());
        text(out, row.firstName());
        text(out, row.lastName());
        text(out, externalId);
        if (row.priority() == null) {
            out.putInt(NULL);
        } else {
            out.putInt(Integer.BYTES);
            out.putInt(row.priority());
        }
        byte[] custom = utf8(row.customJson());
        out.putInt(custom.length + 1);
        out.putByte(JSONB_VERSION);
        out.put(custom);
        text(out, row.fieldsJson());
        text(out, row.reject() == null ? null : row.reject().code());
        text(out, row.detail());
        // the keys as stored: text that differs only in what the encoding drops is the same key
        bool(out, phones.markSeen(phone));
        bool(out, externalIds.markSeen(externalId));
    }

    private static void text(ByteSink out, String value) {
        text(out, utf8(value));
    }

    private static void text(ByteSink out, byte[] bytes) {
        if (bytes == null) {
            out.putInt(NULL);
            return;
        }
        out.putInt(bytes.length);
        out.put(bytes);
    }

    /** A one-dimensional text array (lower bound 1) without nulls, or an empty one. */
    private static void textArray(ByteSink out, List<String> values) {
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

    private static void bool(ByteSink out, boolean value) {
        out.putInt(1);
        out.putByte(value ? 1 : 0);
    }

    /** The text as PostgreSQL will hold it; null for null. */
    private static byte[] utf8(String value) {
        if (value == null) {
            return null;
        }
        return (value.indexOf('\0') < 0 ? value : value.replace("\0", "")).getBytes(StandardCharsets.UTF_8);
    }
}
