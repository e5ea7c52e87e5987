package dialer.packaging.endtoend;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the customers' sipp logged at the end of each call ({@code +79161000042 busy}), as the outcome the
 * appliance must record for it: {@code busy} is BUSY, {@code invalid} INVALID_NUMBER, {@code no-answer}
 * NO_ANSWER, {@code talked} CONNECTED (bridged to an agent, then the customer hung up), {@code abandoned}
 * ABANDONED (the appliance hung up after the answer, without a bridge).
 */
public final class CustomerFates {
    private static final Map<String, String> OUTCOME = Map.of("busy", "BUSY", "invalid", "INVALID_NUMBER",
            "no-answer", "NO_ANSWER", "talked", "CONNECTED", "abandoned", "ABANDONED");

    private final Map<String, List<String>> byNumber;

    private CustomerFates(Map<String, List<String>> byNumber) {
        this.byNumber = byNumber;
    }

    /** Reads sipp's logged {@code lines}; a word the scenario does not log is kept as it is, to show up as a difference. */
    public static CustomerFates of(List<String> lines) {
        return new CustomerFates(lines.stream().map(line -> line.strip().split(" ", 2)).collect(Collectors.groupingBy(
                words -> words[0], TreeMap::new, Collectors.mapping(words -> OUTCOME.getOrDefault(words[1], words[1]), Collectors.toList()))));
    }

    /** The outcomes of the calls to each number, in the order they ended. */
    Map<String, List<String>> byNumber() {
        return byNumber;
    }

    /** How many calls had {@code outcome}. */
    long count(String outcome) {
        return byNumber.values().stream().flatMap(List::stream).filter(outcome::equals).count();
    }

    /** The numbers of the calls that had {@code outcome}, sorted, once per call. */
    List<String> numbers(String outcome) {
        return byNumber.entrySet().stream().flatMap(entry -> entry.getValue().stream().filter(outcome::equals).map(each -> entry.getKey()))
                .sorted().toList();
    }
}
