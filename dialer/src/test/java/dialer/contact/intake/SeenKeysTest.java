package dialer.contact.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class SeenKeysTest {
    @Test
    void aKeyMarkedBeforeIsAlwaysReportedSeen() {
        SeenKeys seen = SeenKeys.forKeys(10_000);
        Random random = new Random(7);
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            keys.add(key("+7" + (9_000_000_000L + random.nextInt(1_000_000_000))));
        }
        keys.forEach(seen::markSeen);
        assertThat(keys).allMatch(seen::markSeen);
        assertThat(seen.markSeen(null)).isFalse();
    }

    @Test
    void newKeysAreRarelyTakenForSeenOnesWithinTheSizeAsked() {
        SeenKeys seen = SeenKeys.forKeys(100_000);
        for (int i = 0; i < 100_000; i++) {
            seen.markSeen(key("CRM-" + i));
        }
        int falsePositives = 0;
        for (int i = 100_000; i < 200_000; i++) {
            falsePositives += seen.markSeen(key("CRM-" + i)) ? 1 : 0;
        }
        assertThat(falsePositives).as("new keys reported seen, of 100,000").isLessThan(1_000);
    }

    /** Two threads mark the same new key at the same moment, again and again: one of them always hears "seen". */
    @Test
    void ofTwoRowsWithTheSameKeyOneIsReportedSeenWhenTheyRace() throws Exception {
        int rounds = 20_000;
        SeenKeys seen = SeenKeys.forKeys(rounds);
        boolean[][] reported = new boolean[2][rounds];
        CyclicBarrier together = new CyclicBarrier(2);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int side = 0; side < 2; side++) {
            int mine = side;
            Thread thread = new Thread(() -> {
                try {
                    for (int round = 0; round < rounds; round++) {
                        byte[] key = key("+7916" + round);
                        together.await();
                        reported[mine][round] = seen.markSeen(key);
                    }
                } catch (InterruptedException | BrokenBarrierException e) {
                    failure.set(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failure.get()).isNull();
        for (int round = 0; round < rounds; round++) {
            assertThat(reported[0][round] || reported[1][round]).as("round " + round).isTrue();
        }
    }

    private static byte[] key(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
