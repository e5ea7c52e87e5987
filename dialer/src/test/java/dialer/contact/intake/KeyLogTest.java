package dialer.contact.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class KeyLogTest {
    @Test
    void keysReadBackFromMemoryAndFromTheFileWhateverTheirLength() {
        Random random = new Random(31337L);
        List<byte[]> keys = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        try (KeyLog log = KeyLog.create()) {
            for (int line = 0; line < 20_000; line++) {
                byte[] key = key(random, random.nextInt(500) == 0 ? 70_000 + random.nextInt(70_000) : random.nextInt(40));
                assertThat(log.nextOffset()).isEqualTo(log.append(key, line));
                keys.add(key);
                offsets.add(log.nextOffset() - key.length - 12);
            }
            for (int i = 0; i < keys.size(); i++) {
                long offset = offsets.get(i);
                assertThat(log.lineIfSame(offset, keys.get(i))).isEqualTo(i);
                byte[] other = keys.get(i).clone();
                if (other.length > 0) {
                    other[random.nextInt(other.length)] ^= 1;
                    assertThat(log.lineIfSame(offset, other)).isEqualTo(-1);
                }
                assertThat(log.lineIfSame(offset, key(random, keys.get(i).length + 1))).isEqualTo(-1);
            }
        }
    }

    private static byte[] key(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
