package dialer.contact.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file row by row, never whole: the first row, then each following row with the line it
 * starts on. Blank lines are skipped. Bytes that are not valid in the detected encoding, or a quote left
 * open at the end, fail with the line.
 */
final class CsvContactReader implements AutoCloseable {
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Row first;
    private long lastLine;

    private CsvContactReader(CSVParser parser) {
        this.parser = parser;
        this.records = parser.iterator();
        this.first = nextNonBlank().orElseThrow(
                () -> new UnreadableUploadException("The file is empty"));
    }

    static CsvContactReader open(Path file, CsvLayout layout) {
        try {
            InputStream in = Files.newInputStream(file);
            in.skipNBytes(layout.skipBytes());
            BufferedReader reader = new BufferedReader(new QuotedFieldGuard(new InputStreamReader(in, layout.decoder())), 1 << 16);
            CSVFormat format = CSVFormat.RFC4180.builder()
                    .setDelimiter(layout.delimiter())
                    .setIgnoreEmptyLines(false)
                    .setIgnoreSurroundingSpaces(true)
                    .get();
            return new CsvContactReader(CSVParser.builder().setReader(reader).setFormat(format).get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first non-blank row: the header, or data in a file without one. */
    Row first() {
        return first;
    }

    /** The next data row, or null at the end. */
    Row next() {
        return nextNonBlank().orElse(null);
    }

    /** The line the reader has reached, for errors. */
    long currentLine() {
        return parser.getCurrentLineNumber() + 1;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<Row> nextNonBlank() {
        while (records.hasNext()) {
            long startLine = lastLine + 1;
            CSVRecord record = records.next();
            lastLine = parser.getCurrentLineNumber();
            if (!(record.size() == 1 && record.get(0).isBlank())) {
                return Optional.of(new Row(startLine, record.toList()));
            }
        }
        return Optional.empty();
    }

    /** A data row: the line it starts on and its cells. */
    record Row(long line, List<String> cells) {
    }
}
