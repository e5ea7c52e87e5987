package dialer.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {
    private final PhoneNumbers numbers = new PhoneNumbers();

    @Test
    void readsTheWaysPeopleWriteRussianNumbers() {
        for (String written : new String[] {"8 (495) 123-45-67", "+7 495 123 45 67", "74951234567", "495 123-45-67",
                "+7(495)1234567"}) {
            assertThat(numbers.parse(written, "RU")).as(written).hasValueSatisfying(number -> {
                assertThat(number.e164()).isEqualTo("+74951234567");
                assertThat(number.singleTimeZone()).contains(ZoneId.of("Europe/Moscow"));
            });
        }
    }

    @Test
    void usesTheDefaultRegionOnlyForNumbersWithoutACountryCode() {
        assertThat(numbers.parse("(212) 555-0100", "US")).map(PhoneNumber::e164).contains("+12125550100");
        assertThat(numbers.parse("+44 20 7946 0958", "US")).map(PhoneNumber::e164).contains("+442079460958");
        assertThat(numbers.parse("+44 20 7946 0958", "US").orElseThrow().singleTimeZone())
                .contains(ZoneId.of("Europe/London"));
    }

    @Test
    void refusesWhatIsNotAValidNumber() {
        assertThat(numbers.parse("12345", "RU")).isEmpty();
        assertThat(numbers.parse("not a number", "RU")).isEmpty();
        assertThat(numbers.parse("", "RU")).isEmpty();
        assertThat(numbers.parse(null, "RU")).isEmpty();
        assertThat(numbers.parse("+7 000 000 00 00", "RU")).isEmpty();
    }

    @Test
    void neverThrowsOnRandomInput() {
        Random random = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int c = random.nextInt(20); c > 0; c--) {
                text.append(random.nextInt(4) == 0 ? (char) (' ' + random.nextInt(95)) : (char) ('0' + random.nextInt(10)));
            }
            numbers.parse(text.toString(), random.nextBoolean() ? "RU" : "US")
                    .ifPresent(number -> assertThat(number.e164()).matches("\\+[1-9][0-9]{6,14}"));
        }
    }
}
