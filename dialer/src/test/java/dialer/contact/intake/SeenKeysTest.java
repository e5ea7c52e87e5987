package dialer.contact.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class SeenKeysTest {
    @Test
    void aKeyMarkedBeforeIsAlwaysReportedSeen() {
        SeenKeys seen = SeenKeys.forKeys(10_000);
        Random random = new Random(7);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            keys.add("+7" + (9_000_000_000L + random.nextInt(1_000_000_000)));
        }
        keys.forEach(seen::markSeen);
        assertThat(keys).allMatch(seen::markSeen);
        assertThat(seen.markSeen(null)).isFalse();
    }

    @Test
    void newKeysAreRarelyTakenForSeenOnesWithinTheSizeAsked() {
        SeenKeys seen = SeenKeys.forKeys(100_000);
        for (int i = 0; i < 100_000; i++) {
            seen.markSeen("CRM-" + i);
        }
        int falsePositives = 0;
        for (int i = 100_000; i < 200_000; i++) {
            falsePositives += seen.markSeen("CRM-" + i) ? 1 : 0;
        }
        assertThat(falsePositives).as("new keys reported seen, of 100,000").isLessThan(1_000);
    }

    /** Two threads mark the rows of a file with repeated keys at once: every repeated key is caught at least once. */
    @Test
    void ofTwoRowsWithTheSameKeyOneIsReportedSeenWhateverTheInterleaving() throws Exception {
        Random random = new Random(20261123L);
        for (int round = 0; round < 200; round++) {
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                rows.add(random.nextInt(5) == 0 && !rows.isEmpty()
                        ? rows.get(random.nextInt(rows.size())) : "+7916" + random.nextInt(10_000_000));
            }
            boolean[] reported = markOnTwoThreads(SeenKeys.forKeys(rows.size()), rows);

            Map<String, Integer> occurrences = new HashMap<>();
            Map<String, Boolean> caught = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                occurrences.merge(rows.get(i), 1, Integer::sum);
                caught.merge(rows.get(i), reported[i], Boolean::logicalOr);
            }
            occurrences.forEach((key, count) -> {
                if (count > 1) {
                    assertThat(caught.get(key)).as(key + " comes " + count + " times").isTrue();
                }
            });
        }
    }

    /** Even rows on one thread, odd rows on the other, started together; what each call answered. */
    private static boolean[] markOnTwoThreads(SeenKeys seen, List<String> rows) throws InterruptedException {
        boolean[] reported = new boolean[rows.size()];
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean failed = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int parity = 0; parity < 2; parity++) {
            int first = parity;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int i = first; i < rows.size(); i += 2) {
                        reported[i] = seen.markSeen(rows.get(i));
                    }
                } catch (InterruptedException e) {
                    failed.set(true);
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failed).isFalse();
        return reported;
    }
}
