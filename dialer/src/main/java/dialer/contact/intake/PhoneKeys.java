package dialer.contact.intake;

/**
 * E.164 numbers and do-not-call prefixes as {@code long}s: their digits, read as a decimal number. E.164
 * has at most 15 digits and never starts with a 0, so different texts make different keys, and the
 * prefixes of a number are its key divided by powers of ten.
 */
final class PhoneKeys {
    /** E.164 allows 15 digits: 10^15 fits in a long. */
    private static final int MAX_DIGITS = 15;

    private PhoneKeys() {
    }

    /**
     * The key of {@code +} and 1 to 15 digits, the first not 0.
     *
     * @throws IllegalArgumentException for anything else
     */
    static long of(String e164) {
        int length = e164.length();
        if (length < 2 || length > MAX_DIGITS + 1 || e164.charAt(0) != '+' || e164.charAt(1) == '0') {
            throw new IllegalArgumentException("not an E.164 number or prefix: " + e164);
        }
        long key = 0;
        for (int i = 1; i < length; i++) {
            char c = e164.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not an E.164 number or prefix: " + e164);
            }
            key = key * 10 + (c - '0');
        }
        return key;
    }

    /** The text of a key: {@code +} and its digits. */
    static String text(long key) {
        return "+" + key;
    }
}
