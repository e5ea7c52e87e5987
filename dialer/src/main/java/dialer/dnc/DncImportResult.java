package dialer.dnc;

import java.util.List;

/**
 * What a bulk upload did.
 *
 * @param added          entries new to the list
 * @param alreadyPresent valid lines whose entry was on the list already (or earlier in the same file)
 * @param invalidCount   lines that hold no valid number or prefix
 * @param invalid        the first of those lines, at most {@link #MAX_INVALID_LISTED}
 */
public record DncImportResult(long added, long alreadyPresent, long invalidCount, List<InvalidLine> invalid) {
    public static final int MAX_INVALID_LISTED = 1000;

    public DncImportResult {
        invalid = List.copyOf(invalid);
    }

    /** A line of the file that holds no valid number or prefix, with the value it held. */
    public record InvalidLine(long line, String value) {
    }
}
