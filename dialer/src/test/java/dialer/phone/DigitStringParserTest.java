package dialer.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import org.junit.jupiter.api.Test;

/** Holds the digit-string parser to libphonenumber's parse: whenever it answers, it answers as parse does. */
class DigitStringParserTest {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private final DigitStringParser parser = new DigitStringParser(UTIL);
    private final Random random = new Random(20261123);

    @Test
    void readsEveryRegionsNumbersAsLibphonenumberDoes() {
        List<String> regions = new ArrayList<>(UTIL.getSupportedRegions());
        regions.sort(null);
        int compared = 0;
        int answered = 0;
        int validE164 = 0;
        int validE164Answered = 0;
        for (String region : regions) {
            for (PhoneNumberUtil.PhoneNumberType type : UTIL.getSupportedTypesForRegion(region)) {
                Phonenumber.PhoneNumber example = UTIL.getExampleNumberForType(region, type);
                if (example == null) {
                    continue;
                }
                for (int variant = 0; variant < 12; variant++) {
                    String national = UTIL.getNationalSignificantNumber(example);
                    String changed = changeLastDigits(national, variant == 0 ? 0 : 1 + random.nextInt(Math.min(4, national.length())));
                    String countryCode = Integer.toString(example.getCountryCode());
                    String ndd = UTIL.getNddPrefixForRegion(region, true);
                    List<String> writings = List.of("+" + countryCode + changed, changed, countryCode + changed,
                            (ndd == null ? "" : ndd) + changed, "00" + countryCode + changed, "+" + countryCode + "0" + changed,
                            changed.substring(0, changed.length() - 1), changed + random.nextInt(10));
                    for (String written : writings) {
                        for (String defaultRegion : new String[] {region, regions.get(random.nextInt(regions.size())), "RU", "US"}) {
                            boolean same = compare(written, defaultRegion);
                            compared++;
                            answered += same ? 1 : 0;
                        }
                    }
                    Phonenumber.PhoneNumber exact = new Phonenumber.PhoneNumber().setCountryCode(example.getCountryCode())
                            .setNationalNumber(Long.parseLong(changed.isEmpty() ? "0" : changed));
                    if (!changed.startsWith("0") && UTIL.isValidNumber(exact) && !"001".equals(region)) {
                        validE164++;
                        validE164Answered += compare("+" + countryCode + changed, regions.get(random.nextInt(regions.size()))) ? 1 : 0;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(50_000);
        assertThat(answered).as("written numbers read without libphonenumber's parse").isGreaterThan(compared / 2);
        assertThat(validE164Answered).as("valid numbers of every region in E.164 read without parse")
                .isGreaterThan(validE164 * 9 / 10);
    }

    @Test
    void readsRandomDigitStringsAsLibphonenumberDoes() {
        List<String> regions = new ArrayList<>(UTIL.getSupportedRegions());
        regions.sort(null);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder digits = new StringBuilder(random.nextInt(4) == 0 ? "+" : "");
            int length = 1 + random.nextInt(20);
            for (int d = 0; d < length; d++) {
                digits.append((char) ('0' + random.nextInt(10)));
            }
            String written = digits.toString();
            if (DigitStringParser.isDigitString(written)) {
                compare(written, regions.get(random.nextInt(regions.size())));
            }
        }
    }

    @Test
    void readsTheWaysARussianListWritesNumbersItself() {
        for (String written : new String[] {"+79161234567", "89161234567", "79161234567", "9161234567", "84951234567"}) {
            assertThat(parser.parse(written, "RU")).as(written).isPresent();
            assertThat(compare(written, "RU")).isTrue();
        }
    }

    @Test
    void acceptsDigitsWithAPlusBeforeThemOnly() {
        assertThat(DigitStringParser.isDigitString("+74951234567")).isTrue();
        assertThat(DigitStringParser.isDigitString("84951234567")).isTrue();
        assertThat(DigitStringParser.isDigitString("8495123456x")).isFalse();
        assertThat(DigitStringParser.isDigitString("7+4951234567")).isFalse();
        assertThat(DigitStringParser.isDigitString("+12")).isFalse();
    }

    /** Whether the parser answered; fails when its answer is not parse's. */
    private boolean compare(String written, String defaultRegion) {
        Optional<Phonenumber.PhoneNumber> read = parser.parse(written, defaultRegion);
        if (read.isEmpty()) {
            return false;
        }
        try {
            Phonenumber.PhoneNumber expected = UTIL.parse(written, defaultRegion);
            assertThat(read.get().exactlySameAs(expected)).as("%s in %s: %s, parse gives %s", written, defaultRegion,
                    read.get(), expected).isTrue();
        } catch (NumberParseException e) {
            fail("%s in %s: read as %s, parse refuses it: %s", written, defaultRegion, read.get(), e.getMessage());
        }
        return true;
    }

    private String changeLastDigits(String digits, int count) {
        char[] chars = digits.toCharArray();
        for (int i = Math.max(0, chars.length - count); i < chars.length; i++) {
            chars[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(chars);
    }
}
