package dialer.contact.intake;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which column holds which contact field. Built from an explicit mapping (field key to header name or
 * 1-based column number) where given, else from header names; further columns that look like phone
 * numbers become the second and third numbers; every other column is a custom field.
 */
public final class ColumnMapping {
    private static final List<ContactField> PHONES = List.of(ContactField.PHONE, ContactField.PHONE2, ContactField.PHONE3);

    private final Map<ContactField, Integer> columns;
    private final Map<Integer, String> custom;

    private ColumnMapping(Map<ContactField, Integer> columns, Map<Integer, String> custom) {
        this.columns = columns;
        this.custom = custom;
    }

    /**
     * @param header   the header row's cells
     * @param explicit field key ({@code phone}, {@code firstName}...) to a header name or column number
     * @throws UnreadableUploadException when the mapping names an unknown field or column, or no phone column is found
     */
    public static ColumnMapping of(List<String> header, Map<String, String> explicit) {
        Map<ContactField, Integer> columns = new EnumMap<>(ContactField.class);
        explicit.forEach((key, column) -> columns.put(
                ContactField.byKey(key).orElseThrow(() -> new UnreadableUploadException("Unknown field '" + key
                        + "' in the column mapping; known fields: " + String.join(", ", ContactField.keys()))),
                columnIndex(header, column)));
        for (int i = 0; i < header.size(); i++) {
            if (columns.containsValue(i)) {
                continue;
            }
            Optional<ContactField> field = ContactField.byHeader(header.get(i));
            if (field.isPresent() && PHONES.contains(field.get())) {
                int column = i;
                nextFreePhone(columns).ifPresent(phone -> columns.put(phone, column));
            } else if (field.isPresent() && !columns.containsKey(field.get())) {
                columns.put(field.get(), i);
            }
        }
        if (!columns.containsKey(ContactField.PHONE)) {
            throw new UnreadableUploadException("No phone column: name one 'phone' or 'телефон', or map it with "
                    + "mapping={\"phone\": \"<header>\"}; the header is: " + String.join(" | ", header));
        }
        Map<Integer, String> custom = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (!columns.containsValue(i)) {
                String name = header.get(i) == null || header.get(i).isBlank() ? "column" + (i + 1) : header.get(i).strip();
                String unique = name;
                for (int copy = 2; custom.containsValue(unique); copy++) {
                    unique = name + " (" + copy + ")";
                }
                custom.put(i, unique);
            }
        }
        return new ColumnMapping(columns, custom);
    }

    /** The contact a row of cells describes. */
    public ContactFields read(List<String> cells) {
        List<String> phones = new ArrayList<>(PHONES.size());
        for (ContactField phone : PHONES) {
            phones.add(cell(cells, phone));
        }
        Map<String, String> extra = new LinkedHashMap<>();
        custom.forEach((index, name) -> {
            if (index < cells.size() && !cells.get(index).isEmpty()) {
                extra.put(name, cells.get(index));
            }
        });
        return new ContactFields(phones, cell(cells, ContactField.FIRST_NAME), cell(cells, ContactField.LAST_NAME),
                cell(cells, ContactField.EXTERNAL_ID), cell(cells, ContactField.TIME_ZONE),
                cell(cells, ContactField.PRIORITY), extra);
    }

    private String cell(List<String> cells, ContactField field) {
        Integer index = columns.get(field);
        return index == null || index >= cells.size() ? null : cells.get(index);
    }

    private static Optional<ContactField> nextFreePhone(Map<ContactField, Integer> columns) {
        return PHONES.stream().filter(phone -> !columns.containsKey(phone)).findFirst();
    }

    private static int columnIndex(List<String> header, String column) {
        if (column == null || column.isBlank()) {
            throw new UnreadableUploadException("The column mapping names no column for a field");
        }
        if (column.matches("[0-9]{1,9}")) {
            int number = Integer.parseInt(column);
            if (number < 1 || number > header.size()) {
                throw new UnreadableUploadException("Column " + column + " does not exist; the file has "
                        + header.size() + " columns");
            }
            return number - 1;
        }
        for (int i = 0; i < header.size(); i++) {
            if (ContactField.normalise(header.get(i)).equals(ContactField.normalise(column))) {
                return i;
            }
        }
        throw new UnreadableUploadException("No column named '" + column + "'; the header is: "
                + String.join(" | ", header));
    }
}
