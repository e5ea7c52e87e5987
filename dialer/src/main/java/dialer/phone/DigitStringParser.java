package dialer.phone;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.Phonenumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;

/**
 * Reads a number written as digits alone, with or without a leading plus ({@code +79161234567},
 * {@code 89161234567}, {@code 9161234567}), to the same country code and national number as
 * libphonenumber's {@code parse} does, from the same metadata, without the checks that {@code parse} makes
 * on free text (where a number starts and ends, an extension, whether the text may be a number at all):
 * they cost most of its time and tell nothing about a string of digits. The cases it is not sure to read
 * as {@code parse} does, it leaves to {@code parse} by returning nothing: an international call prefix
 * ({@code 00}, {@code 810}), a country code for no region ({@code +800}), a national prefix whose region
 * rewrites the number or that leaves too few digits, a national number with a leading zero, and anything
 * too short or too long. {@code DigitStringParserTest} holds it to {@code parse} over every region.
 * Thread-safe.
 */
final class DigitStringParser {
    private static final int MIN_DIGITS = 3;
    private static final int MIN_NATIONAL_LENGTH = 2;
    private static final int MAX_NATIONAL_LENGTH = 17;
    private static final int MAX_COUNTRY_CODE_LENGTH = 3;
    private static final String NON_GEOGRAPHICAL_REGION = "001";

    private final PhoneNumberUtil util;
    private final MetadataSource metadata = DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
    private final boolean[] callingCodes = new boolean[1000];
    private final Map<String, Rules> rulesByRegion = new ConcurrentHashMap<>();
    private final Map<Integer, Optional<Rules>> rulesByCallingCode = new ConcurrentHashMap<>();

    DigitStringParser(PhoneNumberUtil util) {
        this.util = util;
        for (int code : util.getSupportedCallingCodes()) {
            callingCodes[code] = true;
        }
    }

    /** Whether the text is what this parser reads: digits, and a plus before them only. */
    static boolean isDigitString(String text) {
        int first = text.startsWith("+") ? 1 : 0;
        if (text.length() - first < MIN_DIGITS) {
            return false;
        }
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The number {@code parse(digits, defaultRegion)} gives, when this parser is sure of it.
     *
     * @param digits        what {@link #isDigitString} accepts
     * @param defaultRegion an upper-case region code
     */
    Optional<Phonenumber.PhoneNumber> parse(String digits, String defaultRegion) {
        Rules home = rulesOfRegion(defaultRegion);
        if (home == null || digits.length() > MAX_NATIONAL_LENGTH + MAX_COUNTRY_CODE_LENGTH + 1) {
            return Optional.empty();
        }
        return digits.charAt(0) == '+' ? parseInternational(digits.substring(1)) : parseDomestic(digits, home);
    }

    private Optional<Phonenumber.PhoneNumber> parseInternational(String digits) {
        if (digits.length() <= MIN_NATIONAL_LENGTH || digits.charAt(0) == '0') {
            return Optional.empty();
        }
        for (int length = 1; length <= MAX_COUNTRY_CODE_LENGTH && length <= digits.length(); length++) {
            int code = Integer.parseInt(digits, 0, length, 10);
            if (callingCodes[code]) {
                String national = digits.substring(length);
                return rulesByCallingCode.computeIfAbsent(code, this::rulesOfCallingCode).flatMap(rules -> numberOf(rules, national));
            }
        }
        return Optional.empty();
    }

    private Optional<Phonenumber.PhoneNumber> parseDomestic(String digits, Rules home) {
        if (home.internationalPrefix.matcher(digits).lookingAt()) {
            return Optional.empty();
        }
        if (!digits.startsWith(home.countryCodeDigits)) {
            return numberOf(home, digits);
        }
        Optional<String> withoutCountryCode = home.withoutNationalPrefix(digits.substring(home.countryCodeDigits.length()));
        if (withoutCountryCode.isEmpty()) {
            return Optional.empty();
        }
        String national = withoutCountryCode.get();
        boolean startsWithCountryCode = !home.isNationalNumber(digits) && home.isNationalNumber(national)
                || home.lengthOf(digits) == PhoneNumberUtil.ValidationResult.TOO_LONG;
        if (!startsWithCountryCode) {
            return numberOf(home, digits);
        }
        return rulesByCallingCode.computeIfAbsent(home.countryCode, this::rulesOfCallingCode)
                .flatMap(rules -> numberOf(rules, national));
    }

    /** The number of the country of {@code rules} whose national part is written {@code national}, its national prefix perhaps still before it. */
    private static Optional<Phonenumber.PhoneNumber> numberOf(Rules rules, String national) {
        if (national.length() < MIN_NATIONAL_LENGTH) {
            return Optional.empty();
        }
        Optional<String> stripped = rules.withoutNationalPrefix(national);
        if (stripped.isEmpty()) {
            return Optional.empty();
        }
        String number = rules.isPossibleAfterNationalPrefix(stripped.get()) ? stripped.get() : national;
        if (number.length() < MIN_NATIONAL_LENGTH || number.length() > MAX_NATIONAL_LENGTH || number.charAt(0) == '0') {
            return Optional.empty();
        }
        return Optional.of(new Phonenumber.PhoneNumber().setCountryCode(rules.countryCode).setNationalNumber(Long.parseLong(number)));
    }

    private Rules rulesOfRegion(String region) {
        Rules rules = rulesByRegion.get(region);
        if (rules == null && util.getSupportedRegions().contains(region)) {
            rules = rulesByRegion.computeIfAbsent(region, code -> new Rules(metadata.getMetadataForRegion(code)));
        }
        return rules;
    }

    /** The rules of the country code's main region; none for a code of no region ({@code 800}). */
    private Optional<Rules> rulesOfCallingCode(int code) {
        String region = util.getRegionCodeForCountryCode(code);
        return NON_GEOGRAPHICAL_REGION.equals(region) ? Optional.empty() : Optional.ofNullable(rulesOfRegion(region));
    }

    /** What a region's metadata says of reading its numbers, with its patterns compiled once. */
    private static final class Rules {
        private static final Pattern NEVER = Pattern.compile("(?!)");

        final int countryCode;
        final String countryCodeDigits;
        final Pattern internationalPrefix;
        private final Pattern nationalPrefix;
        private final boolean rewritesNationalPrefix;
        private final Pattern nationalNumber;
        private final List<Integer> possibleLengths;
        private final List<Integer> localOnlyLengths;

        Rules(PhoneMetadata metadata) {
            countryCode = metadata.getCountryCode();
            countryCodeDigits = Integer.toString(countryCode);
            internationalPrefix = Pattern.compile(metadata.getInternationalPrefix());
            nationalPrefix = metadata.getNationalPrefixForParsing().isEmpty() ? NEVER : Pattern.compile(metadata.getNationalPrefixForParsing());
            rewritesNationalPrefix = !metadata.getNationalPrefixTransformRule().isEmpty();
            PhoneNumberDesc general = metadata.getGeneralDesc();
            nationalNumber = general.getNationalNumberPattern().isEmpty() ? NEVER : Pattern.compile(general.getNationalNumberPattern());
            possibleLengths = general.getPossibleLengthList();
            localOnlyLengths = general.getPossibleLengthLocalOnlyList();
        }

        boolean isNationalNumber(String digits) {
            return nationalNumber.matcher(digits).matches();
        }

        /**
         * The number without the national prefix it starts with, as the region's pattern for it finds it;
         * the number itself when it has none, or when taking it off would leave a number that is not one of the
         * region's while the whole is; nothing when this parser cannot tell (a prefix the region rewrites).
         */
        Optional<String> withoutNationalPrefix(String digits) {
            Matcher prefix = nationalPrefix.matcher(digits);
            if (digits.isEmpty() || !prefix.lookingAt()) {
                return Optional.of(digits);
            }
            int groups = prefix.groupCount();
            if (rewritesNationalPrefix && prefix.group(groups) != null) {
                return Optional.empty();
            }
            String rest = digits.substring(prefix.end());
            return isNationalNumber(digits) && !isNationalNumber(rest) ? Optional.of(digits) : Optional.of(rest);
        }

        boolean isPossibleAfterNationalPrefix(String digits) {
            PhoneNumberUtil.ValidationResult length = lengthOf(digits);
            return length != PhoneNumberUtil.ValidationResult.TOO_SHORT
                    && length != PhoneNumberUtil.ValidationResult.IS_POSSIBLE_LOCAL_ONLY
                    && length != PhoneNumberUtil.ValidationResult.INVALID_LENGTH;
        }

        PhoneNumberUtil.ValidationResult lengthOf(String digits) {
            if (possibleLengths.isEmpty() || possibleLengths.get(0) == -1) {
                return PhoneNumberUtil.ValidationResult.INVALID_LENGTH;
            }
            int length = digits.length();
            if (localOnlyLengths.contains(length)) {
                return PhoneNumberUtil.ValidationResult.IS_POSSIBLE_LOCAL_ONLY;
            }
            int shortest = possibleLengths.get(0);
            if (shortest == length) {
                return PhoneNumberUtil.ValidationResult.IS_POSSIBLE;
            }
            if (shortest > length) {
                return PhoneNumberUtil.ValidationResult.TOO_SHORT;
            }
            if (possibleLengths.get(possibleLengths.size() - 1) < length) {
                return PhoneNumberUtil.ValidationResult.TOO_LONG;
            }
            return possibleLengths.subList(1, possibleLengths.size()).contains(length)
                    ? PhoneNumberUtil.ValidationResult.IS_POSSIBLE : PhoneNumberUtil.ValidationResult.INVALID_LENGTH;
        }
    }
}
