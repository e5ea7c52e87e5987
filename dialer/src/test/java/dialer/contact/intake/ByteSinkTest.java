package dialer.contact.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ByteSinkTest {
    @Test
    void numbersAreWrittenBigEndianAndTheSinkGrowsAndTruncates() {
        ByteSink sink = new ByteSink(1);
        sink.putShort(0x0102);
        sink.putInt(0x03040506);
        sink.putLong(0x0708090A0B0C0D0EL);
        sink.put(new byte[] {15});
        assertThat(Arrays.copyOf(sink.array(), sink.size()))
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);

        sink.truncate(6);

        assertThat(sink.size()).isEqualTo(6);
        assertThatThrownBy(() -> sink.truncate(7)).isInstanceOf(IllegalArgumentException.class);
    }
}
