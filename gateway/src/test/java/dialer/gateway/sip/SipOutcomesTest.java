package dialer.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

import dialer.gateway.CallOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of docs/sip-outcomes.md is what the code does, and the code knows no row the page does not. */
class SipOutcomesTest {
    private static final Path PAGE = Path.of("..", "docs", "sip-outcomes.md");

    @ParameterizedTest(name = "SIP {0} is {1}")
    @MethodSource("statusRows")
    void eachSipStatusOfThePage(int status, CallOutcome outcome) {
        assertThat(SipOutcomes.of(status, OptionalInt.empty())).isEqualTo(outcome);
        assertThat(SipOutcomes.of(status, OptionalInt.of(16))).as("with a cause the table leaves to the status")
                .isEqualTo(outcome);
    }

    @ParameterizedTest(name = "Q.850 cause {0} is {1}")
    @MethodSource("causeRows")
    void eachQ850CauseOfThePageDecidesWhateverTheStatus(int cause, CallOutcome outcome) {
        for (int status : new int[] {404, 480, 486, 500, 503, 603}) {
            assertThat(SipOutcomes.of(status, OptionalInt.of(cause))).as("SIP %d", status).isEqualTo(outcome);
        }
    }

    @Test
    void thePageListsEveryCodeTheTablesHave() throws IOException {
        assertThat(rows("## By SIP status").stream().map(row -> Integer.parseInt(row.get(0))).collect(Collectors.toSet()))
                .isEqualTo(SipOutcomes.BY_STATUS.keySet());
        assertThat(rows("## By Q.850 cause").stream().map(row -> Integer.parseInt(row.get(0))).collect(Collectors.toSet()))
                .isEqualTo(SipOutcomes.BY_Q850_CAUSE.keySet());
    }

    @Test
    void successesAreAnsweredAndUnlistedStatusesFallToTheirClass() {
        for (int status : new int[] {200, 202, 299}) {
            assertThat(SipOutcomes.of(status, OptionalInt.of(17))).isEqualTo(CallOutcome.ANSWERED);
        }
        for (int status : Set.of(302, 400, 402, 489, 606)) {
            assertThat(SipOutcomes.of(status, OptionalInt.empty())).as("SIP %d", status).isEqualTo(CallOutcome.REJECTED);
        }
        for (int status : Set.of(501, 505, 513, 580)) {
            assertThat(SipOutcomes.of(status, OptionalInt.empty())).as("SIP %d", status).isEqualTo(CallOutcome.NETWORK_FAILURE);
        }
        assertThatThrownBy(() -> SipOutcomes.of(180, OptionalInt.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SipOutcomes.of(700, OptionalInt.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    static List<Object[]> statusRows() throws IOException {
        return rows("## By SIP status").stream().map(SipOutcomesTest::codeAndOutcome).toList();
    }

    static List<Object[]> causeRows() throws IOException {
        return rows("## By Q.850 cause").stream().map(SipOutcomesTest::codeAndOutcome).toList();
    }

    private static Object[] codeAndOutcome(List<String> row) {
        return new Object[] {Integer.parseInt(row.get(0)),
                CallOutcome.valueOf(row.get(2).toUpperCase(Locale.ROOT).replace(' ', '_'))};
    }

    /** The cells of the table under {@code heading} whose first cell is a number. */
    private static List<List<String>> rows(String heading) throws IOException {
        List<String> lines = Files.readAllLines(PAGE);
        int start = lines.indexOf(heading);
        assertThat(start).as(heading + " in " + PAGE).isNotNegative();
        return lines.subList(start + 1, lines.size()).stream()
                .takeWhile(line -> !line.startsWith("## "))
                .filter(line -> line.matches("\\| [0-9]+ \\|.*"))
                .map(line -> List.of(line.substring(1, line.length() - 1).split("\\|")).stream().map(String::strip).toList())
                .toList();
    }
}
