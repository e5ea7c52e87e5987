package dialer.contact.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class SeenExternalIdsTest {
    @Test
    void eachIdIsAnsweredWithTheLineItFirstCameOn() {
        check(new Random(5L), 50_000, () -> new SeenExternalIds(1000));
    }

    /** A hash of the length alone: nearly every id shares its hash with others, which only equal bytes may match. */
    @Test
    void idsWhoseHashesAreEqualAreToldApartByTheirBytes() {
        check(new Random(6L), 5_000, () -> new SeenExternalIds(16, bytes -> bytes.length));
    }

    private static void check(Random random, int rows, Supplier<SeenExternalIds> create) {
        Map<String, Long> firstLines = new HashMap<>();
        try (SeenExternalIds seen = create.get()) {
            for (long line = 1; line <= rows; line++) {
                String id = "CRM-" + random.nextInt(rows / 3) + (random.nextInt(50) == 0 ? "-é" : "");
                Long expected = firstLines.putIfAbsent(id, line);

                long first = seen.firstLine(id.getBytes(StandardCharsets.UTF_8), line);

                assertThat(first).as(id).isEqualTo(expected == null ? -1 : expected);
            }
        }
    }
}
