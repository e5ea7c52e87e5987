package dialer.dnc;

/** The prefixes of a number that a prefix entry may hold. */
final class DncPrefixes {
    /** The shortest prefix: {@code +} and one digit. */
    private static final int SHORTEST = 2;

    private DncPrefixes() {
    }

    /** {@code +7}, {@code +74}, ... up to the number itself. */
    static String[] of(String e164) {
        String[] prefixes = new String[e164.length() - SHORTEST + 1];
        for (int end = SHORTEST; end <= e164.length(); end++) {
            prefixes[end - SHORTEST] = e164.substring(0, end);
        }
        return prefixes;
    }
}
