package dialer.dnc;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ObjLongConsumer;

import dialer.validation.FieldError;
import dialer.validation.InvalidInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the values of a do-not-call list file: one number per line, or a header line naming a column
 * {@code number}, {@code phone}, {@code телефон} or {@code номер}; cells separated by {@code ;} or
 * {@code ,} (whichever the first line has more of); UTF-8 (with or without BOM) or Windows-1251, told
 * apart by the first {@value #SNIFF_BYTES} bytes.
 */
final class DncCsvReader {
    private static final int SNIFF_BYTES = 64 * 1024;
    private static final int MAX_FIRST_LINE = 1024 * 1024;
    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    private static final Set<String> NUMBER_COLUMNS = Set.of("number", "phone", "телефон", "номер");
    private static final char BOM = '\uFEFF';

    private DncCsvReader() {
    }

    /**
     * Passes each value with its line number to {@code values}; skips blank lines.
     *
     * @throws InvalidInputException when the file is not CSV (an unclosed quote)
     */
    static void read(InputStream csv, ObjLongConsumer<String> values) throws IOException {
        BufferedInputStream bytes = new BufferedInputStream(csv, SNIFF_BYTES);
        BufferedReader text = new BufferedReader(new InputStreamReader(bytes, charsetOf(bytes)));
        skipBom(text);
        char delimiter = delimiterOf(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                .setTrim(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(text).setFormat(format).get()) {
            int column = 0;
            boolean first = true;
            for (CSVRecord record : parser) {
                if (first) {
                    first = false;
                    int header = numberColumn(record);
                    if (header >= 0) {
                        column = header;
                        continue;
                    }
                }
                String value = column < record.size() ? record.get(column) : "";
                if (!value.isEmpty() || !isBlank(record)) {
                    values.accept(value, record.getRecordNumber());
                }
            }
        } catch (UncheckedIOException e) {
            throw new InvalidInputException(List.of(
                    new FieldError("file", "is not a CSV file: " + e.getCause().getMessage())));
        }
    }

    private static Charset charsetOf(BufferedInputStream bytes) throws IOException {
        bytes.mark(SNIFF_BYTES);
        byte[] head = bytes.readNBytes(SNIFF_BYTES);
        bytes.reset();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        boolean complete = head.length < SNIFF_BYTES;
        boolean valid = !utf8.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), complete)
                .isError();
        return valid ? StandardCharsets.UTF_8 : WINDOWS_1251;
    }

    private static void skipBom(BufferedReader text) throws IOException {
        text.mark(1);
        if (text.read() != BOM) {
            text.reset();
        }
    }

    private static char delimiterOf(BufferedReader text) throws IOException {
        text.mark(MAX_FIRST_LINE);
        String first = text.readLine();
        text.reset();
        if (first == null) {
            return ',';
        }
        return first.chars().filter(c -> c == ';').count() > first.chars().filter(c -> c == ',').count() ? ';' : ',';
    }

    /** The index of the column the header names as the number's, or -1 when the line is no such header. */
    private static int numberColumn(CSVRecord first) {
        for (int i = 0; i < first.size(); i++) {
            if (NUMBER_COLUMNS.contains(first.get(i).toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBlank(CSVRecord record) {
        return record.stream().allMatch(String::isEmpty);
    }
}
