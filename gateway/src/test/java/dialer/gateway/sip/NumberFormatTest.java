package dialer.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.junit.jupiter.api.Test;

class NumberFormatTest {
    private static final NumberFormat RUSSIAN_NATIONAL = new NumberFormat(NumberFormat.Style.NATIONAL, "7", "8", "810", "");

    @Test
    void eachStyleWritesTheNumberItsWay() {
        assertThat(NumberFormat.E164.dialString("+79161234567")).isEqualTo("+79161234567");
        assertThat(new NumberFormat(NumberFormat.Style.DIGITS, null, null, null, null).dialString("+79161234567")).isEqualTo("79161234567");
        assertThat(RUSSIAN_NATIONAL.dialString("+79161234567")).isEqualTo("89161234567");
        assertThat(RUSSIAN_NATIONAL.dialString("+380441234567")).isEqualTo("810380441234567");
        assertThat(new NumberFormat(NumberFormat.Style.DIGITS, "", "", "", "#31#").dialString("+4930123456")).isEqualTo("#31#4930123456");
    }

    @Test
    void anyNumberOfTheCountryLosesItsCountryCodeForTheNationalPrefixAndAnyOtherGetsTheInternationalOne() {
        Random random = new Random(20261123L);
        NumberFormat german = new NumberFormat(NumberFormat.Style.NATIONAL, "49", "0", "00", "");
        for (int i = 0; i < 2_000; i++) {
            String subscriber = Long.toString(1_000_000L + random.nextInt(900_000_000));
            String country = random.nextBoolean() ? "49" : Integer.toString(1 + random.nextInt(98));
            String written = german.dialString("+" + country + subscriber);
            if (("+" + country + subscriber).startsWith("+49")) {
                assertThat(written).isEqualTo("0" + (country + subscriber).substring(2));
            } else {
                assertThat(written).isEqualTo("00" + country + subscriber);
            }
        }
    }

    @Test
    void aNationalFormatNeedsItsCountry() {
        assertThatThrownBy(() -> new NumberFormat(NumberFormat.Style.NATIONAL, "", "8", "810", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("country code");
        assertThatThrownBy(() -> new NumberFormat(NumberFormat.Style.E164, "", "8x", "", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prefixes");
    }
}
