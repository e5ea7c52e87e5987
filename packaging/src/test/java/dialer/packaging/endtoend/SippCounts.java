package dialer.packaging.endtoend;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One dump of sipp's {@code -trace_counts} file: for each message of the scenario, in scenario order, how many
 * it sent or received, retransmitted, timed out on, or got unexpectedly (columns {@code 6_200_Sent},
 * {@code 8_INVITE_Recv}, {@code 8_INVITE_Unexp}...).
 */
public record SippCounts(Map<String, Long> columns) {
    private static final Pattern COLUMN = Pattern.compile("(\\d+)_(.+)_([A-Za-z]+)");

    /** The last dump of a counts file's {@code lines} (a header, then one line a dump), or empty before the first. */
    static Optional<SippCounts> parse(List<String> lines) {
        if (lines.size() < 2) {
            return Optional.empty();
        }
        String[] names = lines.get(0).split(";");
        String[] values = lines.get(lines.size() - 1).split(";");
        Map<String, Long> columns = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(names.length, values.length); i++) {
            if (COLUMN.matcher(names[i]).matches()) {
                columns.put(names[i], Long.parseLong(values[i].strip()));
            }
        }
        return Optional.of(new SippCounts(columns));
    }

    /** How many of the {@code occurrence}-th (from 1) message {@code message} of the scenario sipp received. */
    long received(String message, int occurrence) {
        return nth(message, "Recv", occurrence);
    }

    /** How many of the {@code occurrence}-th (from 1) message {@code message} of the scenario sipp sent. */
    long sent(String message, int occurrence) {
        return nth(message, "Sent", occurrence);
    }

    /** Messages that came when the scenario expected another, and messages the scenario waited for in vain. */
    long anomalies() {
        return total("Unexp") + total("Timeout");
    }

    /** Retransmissions, sent or received. */
    long retransmissions() {
        return total("Retrans");
    }

    private long nth(String message, String kind, int occurrence) {
        int seen = 0;
        for (Map.Entry<String, Long> column : columns.entrySet()) {
            Matcher name = COLUMN.matcher(column.getKey());
            if (name.matches() && name.group(2).equals(message) && name.group(3).equals(kind) && ++seen == occurrence) {
                return column.getValue();
            }
        }
        throw new IllegalArgumentException("the scenario has no " + message + " " + kind + " number " + occurrence + ": " + columns.keySet());
    }

    private long total(String kind) {
        return columns.entrySet().stream().filter(column -> column.getKey().endsWith("_" + kind)).mapToLong(Map.Entry::getValue).sum();
    }
}
