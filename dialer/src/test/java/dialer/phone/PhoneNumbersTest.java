package dialer.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

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

    /**
     * What {@link PhoneNumbers} gives, with its shortcuts (punctuation taken out first, a libphonenumber per
     * thread, the type worked out once, country-wide zones remembered), is what libphonenumber gives when
     * asked plainly: parse as written, isValidNumber, E.164, getTimeZonesForNumber.
     */
    @Test
    void givesWhatLibphonenumberGivesForTheNumberAsWritten() {
        PhoneNumberUtil reference = PhoneNumberUtil.getInstance();
        Random random = new Random(20261123L);
        int valid = 0;
        for (int i = 0; i < 40_000; i++) {
            String region = REGIONS.get(random.nextInt(REGIONS.size()));
            String written = written(random, reference);
            Optional<PhoneNumber> expected = plainly(reference, written, region);
            assertThat(numbers.parse(written, region)).as("'" + written + "' in " + region).isEqualTo(expected);
            valid += expected.isPresent() ? 1 : 0;
        }
        assertThat(valid).as("valid numbers among the samples").isBetween(8_000, 32_000);
    }

    private static final List<String> REGIONS = List.of("RU", "US", "GB", "DE", "KZ", "IN", "BR", "CN", "FR", "UA", "IT", "AU");

    /** A number of some region and type, maybe with a digit changed, added or lost, written some way. */
    private static String written(Random random, PhoneNumberUtil util) {
        PhoneNumberUtil.PhoneNumberType[] types = {PhoneNumberUtil.PhoneNumberType.FIXED_LINE,
                PhoneNumberUtil.PhoneNumberType.MOBILE, PhoneNumberUtil.PhoneNumberType.TOLL_FREE};
        Phonenumber.PhoneNumber example = util.getExampleNumberForType(REGIONS.get(random.nextInt(REGIONS.size())),
                types[random.nextInt(types.length)]);
        if (example == null) {
            return Integer.toString(random.nextInt(100_000));
        }
        StringBuilder national = new StringBuilder(util.getNationalSignificantNumber(example));
        switch (random.nextInt(6)) {
            case 0 -> national.setCharAt(random.nextInt(national.length()), (char) ('0' + random.nextInt(10)));
            case 1 -> national.append(random.nextInt(10));
            case 2 -> national.deleteCharAt(random.nextInt(national.length()));
            default -> national.replace(national.length() - 4, national.length(), String.format("%04d", random.nextInt(10_000)));
        }
        Phonenumber.PhoneNumber number = new Phonenumber.PhoneNumber().setCountryCode(example.getCountryCode())
                .setNationalNumber(Long.parseLong(national.toString()));
        String text = switch (random.nextInt(7)) {
            case 0 -> util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            case 1 -> util.format(number, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
            case 2 -> util.format(number, PhoneNumberUtil.PhoneNumberFormat.NATIONAL);
            case 3 -> national.toString();
            case 4 -> (random.nextBoolean() ? "00" : random.nextBoolean() ? "810" : "011") + number.getCountryCode() + national;
            case 5 -> number.getCountryCode() + national.toString();
            default -> util.format(number, PhoneNumberUtil.PhoneNumberFormat.RFC3966);
        };
        return punctuate(random, text);
    }

    private static String punctuate(Random random, String text) {
        StringBuilder out = new StringBuilder();
        String marks = "  --..()+x/;#";
        boolean anyMark = random.nextInt(3) == 0;
        for (int i = 0; i < text.length(); i++) {
            if (random.nextInt(6) == 0) {
                out.append(marks.charAt(random.nextInt(anyMark ? marks.length() : 7)));
            }
            out.append(text.charAt(i));
        }
        return random.nextInt(10) == 0 ? " " + out + " доб. 12" : out.toString();
    }

    private static Optional<PhoneNumber> plainly(PhoneNumberUtil util, String written, String region) {
        try {
            Phonenumber.PhoneNumber number = util.parse(written, region);
            if (!util.isValidNumber(number)) {
                return Optional.empty();
            }
            Set<String> jdkZones = ZoneId.getAvailableZoneIds();
            List<ZoneId> zones = PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(number).stream()
                    .filter(zone -> !zone.equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone()) && jdkZones.contains(zone))
                    .map(ZoneId::of).toList();
            return Optional.of(new PhoneNumber(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), zones));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
