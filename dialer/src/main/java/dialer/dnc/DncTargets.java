package dialer.dnc;

import java.util.Optional;
import java.util.regex.Pattern;

import dialer.phone.PhoneNumbers;

/**
 * Reads a do-not-call target from what a person wrote: a phone number in any form libphonenumber reads
 * ({@code 8 (495) 123-45-67} with region {@code RU}, {@code +7 495 1234567}), or a prefix in
 * international form ending in {@code *} ({@code +7 495*}). Thread-safe.
 */
public final class DncTargets {
    /** libphonenumber's "no region": only numbers written with {@code +} and a country code parse. */
    private static final String NO_REGION = "ZZ";
    private static final Pattern PREFIX_PUNCTUATION = Pattern.compile("[\\s().-]");

    private final PhoneNumbers phoneNumbers;

    public DncTargets(PhoneNumbers phoneNumbers) {
        this.phoneNumbers = phoneNumbers;
    }

    /**
     * The target, when {@code raw} is a valid one.
     *
     * @param region the region of numbers written without a country code; without it, only {@code +} numbers are valid
     */
    public Optional<DncTarget> parse(String raw, Optional<String> region) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String written = raw.strip();
        if (written.endsWith(DncTarget.PREFIX_MARK)) {
            String prefix = PREFIX_PUNCTUATION.matcher(written.substring(0, written.length() - 1)).replaceAll("");
            return DncTarget.PREFIX.matcher(prefix).matches() ? Optional.of(DncTarget.prefix(prefix)) : Optional.empty();
        }
        return phoneNumbers.parse(written, region.orElse(NO_REGION)).map(number -> DncTarget.number(number.e164()));
    }

    /** Why {@link #parse} refuses {@code raw}, for a person. */
    public String problemWith(String raw, Optional<String> region) {
        if (raw == null || raw.isBlank()) {
            return "is required";
        }
        String written = raw.strip();
        if (written.endsWith(DncTarget.PREFIX_MARK)) {
            return "'" + written + "' is not a prefix: a prefix is + and 1 to 14 digits followed by *, such as +7495*";
        }
        if (region.isEmpty() && !written.startsWith("+")) {
            return "'" + written + "' must be in international form (+74951234567), or the request must name a region";
        }
        return "'" + written + "' is not a valid phone number";
    }
}
