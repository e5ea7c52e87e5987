package dialer.contact.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class DncScreenTest {
    @Test
    void blocksListedNumbersAndNumbersUnderAListedPrefixLikeTheSqlScreening() {
        Random random = new Random(424242L);
        List<String> numbers = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            numbers.add(number(random));
            String prefixOf = number(random);
            prefixes.add(prefixOf.substring(0, 2 + random.nextInt(prefixOf.length() - 1)));
        }
        DncScreen screen = DncScreen.of(numbers, prefixes);

        for (int i = 0; i < 20_000; i++) {
            String number = random.nextInt(10) == 0 ? numbers.get(random.nextInt(numbers.size())) : number(random);
            String detail = screen.blocks(PhoneKeys.of(number));
            if (numbers.contains(number)) {
                assertThat(detail).as(number).isEqualTo("on the do-not-call list");
            } else if (prefixes.stream().anyMatch(number::startsWith)) {
                assertThat(detail).as(number).startsWith("on the do-not-call list: +").endsWith("*");
                String prefix = detail.substring("on the do-not-call list: ".length(), detail.length() - 1);
                assertThat(prefixes).contains(prefix);
                assertThat(number).startsWith(prefix);
            } else {
                assertThat(detail).as(number).isNull();
            }
        }
    }

    @Test
    void alternateNumbersOnTheListAreDroppedInOrder() {
        DncScreen screen = DncScreen.of(List.of("+74951112233"), List.of("+7812"));

        assertThat(screen.callable(List.of("+74951112233", "+79161112233", "+78121234567", "+74951112234")))
                .containsExactly("+79161112233", "+74951112234");
        assertThat(screen.callable(List.of())).isEmpty();
        assertThat(DncScreen.of(List.of(), List.of()).blocks(PhoneKeys.of("+74951112233"))).isNull();
    }

    /** Russian-looking numbers, most of them in a few blocks so that prefixes hit. */
    private static String number(Random random) {
        return "+7" + (random.nextBoolean() ? "495" : "9" + random.nextInt(3)) + (1_000_000 + random.nextInt(9_000_000));
    }
}
