package dialer.contact.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The first row of a file and what it says about the columns. It is a header when one of its cells is
 * a known column name, or none looks like a phone number; otherwise the file has no header, the row is
 * data, the columns are named column1, column2... and the first column holding a number is the phone.
 */
record CsvHeader(long line, List<String> cells, boolean isHeader, List<String> columns, ColumnMapping mapping) {
    private static final int MIN_PHONE_DIGITS = 7;

    static CsvHeader of(long line, List<String> cells, Map<String, String> explicitMapping) {
        boolean knownName = cells.stream().anyMatch(cell -> ContactField.byHeader(cell).isPresent());
        int phoneLike = firstPhoneLike(cells);
        if (knownName || phoneLike < 0) {
            return new CsvHeader(line, cells, true, cells, ColumnMapping.of(cells, explicitMapping));
        }
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= cells.size(); i++) {
            columns.add("column" + i);
        }
        Map<String, String> mapping = explicitMapping.isEmpty()
                ? Map.of(ContactField.PHONE.key(), Integer.toString(phoneLike + 1)) : explicitMapping;
        return new CsvHeader(line, cells, false, columns, ColumnMapping.of(columns, mapping));
    }

    private static int firstPhoneLike(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).chars().filter(Character::isDigit).count() >= MIN_PHONE_DIGITS) {
                return i;
            }
        }
        return -1;
    }
}
