package dialer.gateway.sip;

/**
 * How a trunk wants the called number written, from the E.164 number the dialler holds: with the
 * {@code +} ({@link Style#E164}), as digits only ({@link Style#DIGITS}), or as dialled inside the trunk's
 * country ({@link Style#NATIONAL}: the national prefix before a number of that country, the international
 * prefix before any other). A technical prefix some gateways require goes in front of the result.
 *
 * @param countryCode         the trunk's country calling code, digits only; needed for {@code NATIONAL}
 * @param nationalPrefix      dialled before a national number ("8" in Russia, "0" in most of Europe), may be empty
 * @param internationalPrefix dialled before a foreign number ("810" in Russia, "00" in most of Europe)
 * @param techPrefix          put in front of every number, may be empty
 */
public record NumberFormat(Style style, String countryCode, String nationalPrefix, String internationalPrefix,
        String techPrefix) {
    /** The ways of writing a number. */
    public enum Style {
        E164,
        DIGITS,
        NATIONAL
    }

    /** Numbers as E.164 with the {@code +}, the default. */
    public static final NumberFormat E164 = new NumberFormat(Style.E164, "", "", "", "");

    public NumberFormat {
        if (style == null) {
            throw new IllegalArgumentException("a number format needs a style");
        }
        countryCode = blankIfNull(countryCode);
        nationalPrefix = blankIfNull(nationalPrefix);
        internationalPrefix = blankIfNull(internationalPrefix);
        techPrefix = blankIfNull(techPrefix);
        if (style == Style.NATIONAL && (!countryCode.matches("[1-9][0-9]{0,2}") || !internationalPrefix.matches("[0-9]+"))) {
            throw new IllegalArgumentException("a national number format needs the country code and the international prefix, as digits: "
                    + countryCode + ", " + internationalPrefix);
        }
        if (!nationalPrefix.matches("[0-9]*") || !techPrefix.matches("[0-9*#]*")) {
            throw new IllegalArgumentException("prefixes are digits (and * or # for the technical prefix): " + nationalPrefix + ", " + techPrefix);
        }
    }

    /** The number to put in the request URI for the E.164 number {@code e164} (which starts with {@code +}). */
    public String dialString(String e164) {
        String digits = e164.substring(1);
        String written = switch (style) {
            case E164 -> e164;
            case DIGITS -> digits;
            case NATIONAL -> digits.startsWith(countryCode)
                    ? nationalPrefix + digits.substring(countryCode.length())
                    : internationalPrefix + digits;
        };
        return techPrefix + written;
    }

    private static String blankIfNull(String value) {
        return value == null ? "" : value;
    }
}
