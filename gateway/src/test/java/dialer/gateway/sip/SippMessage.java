package dialer.gateway.sip;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One SIP message in sipp's message log: when, whether sipp received or sent it, and its text. */
record SippMessage(LocalTime at, boolean received, String text) {
    private static final Pattern SEPARATOR = Pattern.compile(
            "^-{20,} (?:\\d{4}-\\d{2}-\\d{2}\\s+)?(\\d{2}:\\d{2}:\\d{2}\\.\\d+)\\s*$", Pattern.MULTILINE);

    /** The first line: {@code INVITE sip:... SIP/2.0} or {@code SIP/2.0 200 OK}. */
    String firstLine() {
        return text.lines().findFirst().orElse("");
    }

    boolean isRequest(String method) {
        return firstLine().startsWith(method + " ");
    }

    /** The SDP body, or empty. */
    String body() {
        int split = text.indexOf("\n\n");
        int crlf = text.indexOf("\r\n\r\n");
        if (crlf >= 0 && (split < 0 || crlf < split)) {
            return text.substring(crlf + 4);
        }
        return split < 0 ? "" : text.substring(split + 2);
    }

    static List<SippMessage> parse(String log) {
        List<SippMessage> messages = new ArrayList<>();
        Matcher matcher = SEPARATOR.matcher(log);
        List<int[]> bounds = new ArrayList<>();
        List<LocalTime> times = new ArrayList<>();
        while (matcher.find()) {
            bounds.add(new int[] {matcher.start(), matcher.end()});
            times.add(LocalTime.parse(matcher.group(1).length() > 15 ? matcher.group(1).substring(0, 15) : matcher.group(1)));
        }
        for (int i = 0; i < bounds.size(); i++) {
            int end = i + 1 < bounds.size() ? bounds.get(i + 1)[0] : log.length();
            String block = log.substring(bounds.get(i)[1], end).strip();
            int colon = block.indexOf('\n');
            String header = colon < 0 ? block : block.substring(0, colon);
            String text = colon < 0 ? "" : block.substring(colon + 1).strip();
            messages.add(new SippMessage(times.get(i), header.contains("received"), text));
        }
        return messages;
    }
}
