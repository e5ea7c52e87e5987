package dialer.contact.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PhoneKeysTest {
    @Test
    void differentNumbersHaveDifferentKeysAndAPrefixIsTheKeyCutShort() {
        Random random = new Random(20261123L);
        Map<Long, String> seen = new HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            StringBuilder number = new StringBuilder("+").append(1 + random.nextInt(9));
            int digits = random.nextInt(15);
            for (int d = 0; d < digits; d++) {
                number.append(random.nextInt(10));
            }
            String e164 = number.toString();
            long key = PhoneKeys.of(e164);

            assertThat(PhoneKeys.text(key)).isEqualTo(e164);
            String before = seen.putIfAbsent(key, e164);
            assertThat(before == null || before.equals(e164)).as(e164 + " and " + before).isTrue();
            int cut = 2 + random.nextInt(e164.length() - 1);
            long prefixKey = key;
            for (int drop = e164.length() - cut; drop > 0; drop--) {
                prefixKey /= 10;
            }
            assertThat(PhoneKeys.of(e164.substring(0, cut))).isEqualTo(prefixKey);
        }
    }

    @Test
    void onlyAPlusAndOneToFifteenDigitsNotStartingWithZeroAreKeys() {
        assertThat(PhoneKeys.of("+999999999999999")).isEqualTo(999_999_999_999_999L);
        for (String bad : new String[] {"", "+", "74951234567", "+0495", "+7495 123", "+7495x", "+1234567890123456"}) {
            assertThatThrownBy(() -> PhoneKeys.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
