package dialer.contact.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jdbi.v3.core.Jdbi;

/** Reads imports back: their status, and their rejected rows as CSV. */
final class ImportQueries {
    private static final int FETCH_SIZE = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;

    ImportQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Optional<ImportStatus> find(long id) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT *, rejects_by_reason::text AS rejects FROM imports WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> {
                    long errorLine = rs.getLong("error_line");
                    Optional<Long> line = rs.wasNull() ? Optional.empty() : Optional.of(errorLine);
                    return new ImportStatus(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("file_name"),
                            ImportStatus.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
                            rs.getLong("rows_read"), rs.getLong("accepted"), rs.getLong("rejected"),
                            counts(rs.getString("rejects")), Optional.ofNullable(rs.getString("error")), line,
                            rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                            Optional.ofNullable(rs.getObject("finished_at", OffsetDateTime.class))
                                    .map(OffsetDateTime::toInstant));
                })
                .findOne());
    }

    private static Map<String, Long> counts(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Long>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("imports.rejects_by_reason is not a JSON object of counts: " + json, e);
        }
    }

    /**
     * Writes the import's rejected rows as CSV: {@code line}, {@code reason}, {@code detail}, then the row's
     * own columns under the file's header. Cells that a spreadsheet would run as a formula are quoted with
     * a leading apostrophe. {@code out} is flushed, not closed.
     */
    void writeRejects(long id, Writer out) {
        jdbi.useTransaction(handle -> {
            List<String> header = new ArrayList<>(List.of("line", "reason", "detail"));
            handle.createQuery("SELECT ARRAY(SELECT jsonb_array_elements_text(header)) FROM imports WHERE id = :id")
                    .bind("id", id).map((rs, ctx) -> texts(rs.getArray(1))).findOne().ifPresent(header::addAll);
            try {
                CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
                printer.printRecord(header.stream().map(SpreadsheetSafe::cell).toList());
                handle.createQuery("SELECT line, reason, detail, ARRAY(SELECT jsonb_array_elements_text(fields)) AS cells "
                                + "FROM import_rejects WHERE import_id = :id ORDER BY line")
                        .bind("id", id)
                        .setFetchSize(FETCH_SIZE)
                        .map((rs, ctx) -> {
                            List<String> row = new ArrayList<>(List.of(Long.toString(rs.getLong("line")),
                                    rs.getString("reason"), Objects.toString(rs.getString("detail"), "")));
                            row.addAll(texts(rs.getArray("cells")));
                            return row;
                        })
                        .forEach(row -> print(printer, row));
                printer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void print(CSVPrinter printer, List<String> row) {
        try {
            printer.printRecord(row.stream().map(SpreadsheetSafe::cell).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((String[]) array.getArray())
                .map(value -> value == null ? "" : value).toList();
    }

}
