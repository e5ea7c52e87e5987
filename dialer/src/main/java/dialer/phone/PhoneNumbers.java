package dialer.phone;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import com.google.i18n.phonenumbers.metadata.init.ClassPathResourceMetadataLoader;

/**
 * Parses numbers as people write them ({@code 8 (495) 123-45-67}, {@code +7 495 1234567},
 * {@code 00 44 20 7946 0958}) with libphonenumber, for a default region, into E.164 with time zones. Most
 * numbers, once their spaces, dashes and brackets are dropped, are digits alone, which
 * {@link DigitStringParser} reads several times faster than libphonenumber's parse and to the same result.
 * Thread-safe: each thread parses with a libphonenumber instance of its own, whose pattern cache no
 * other thread locks, and a number's type is worked out once for both its validity and its time zones.
 */
public final class PhoneNumbers {
    private static final String UNKNOWN_ZONE = "Etc/Unknown";
    /** libphonenumber refuses longer input as too long, whatever it holds. */
    private static final int MAX_INPUT_LENGTH = 250;
    private static final Set<String> JDK_ZONES = ZoneId.getAvailableZoneIds();

    private final ThreadLocal<PhoneNumberUtil> utils = ThreadLocal.withInitial(
            () -> PhoneNumberUtil.createInstance(new ClassPathResourceMetadataLoader()));
    private final DigitStringParser digitStrings = new DigitStringParser(PhoneNumberUtil.getInstance());
    private final PhoneNumberToTimeZonesMapper zones = PhoneNumberToTimeZonesMapper.getInstance();
    /** The zones of numbers that are not tied to a place, which depend on their country code alone. */
    private final Map<Integer, List<ZoneId>> countryZones = new ConcurrentHashMap<>();

    /**
     * The number, when it is a valid one.
     *
     * @param raw           as written; may be null or blank
     * @param defaultRegion ISO 3166 region for numbers written without a country code ({@code RU}, {@code US})
     */
    public Optional<PhoneNumber> parse(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        PhoneNumberUtil util = utils.get();
        try {
            String text = compact(raw);
            String region = defaultRegion.toUpperCase(Locale.ROOT);
            Optional<Phonenumber.PhoneNumber> read = DigitStringParser.isDigitString(text)
                    ? digitStrings.parse(text, region) : Optional.empty();
            Phonenumber.PhoneNumber number = read.isPresent() ? read.get() : util.parse(text, region);
            PhoneNumberUtil.PhoneNumberType type = util.getNumberType(number);
            if (type == PhoneNumberUtil.PhoneNumberType.UNKNOWN) {
                return Optional.empty();
            }
            List<ZoneId> timeZones = util.isNumberGeographical(type, number.getCountryCode())
                    ? known(zones.getTimeZonesForGeographicalNumber(number))
                    : countryZones.computeIfAbsent(number.getCountryCode(), code -> known(zones.getTimeZonesForNumber(number)));
            return Optional.of(new PhoneNumber(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), timeZones));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The number without spaces, dashes, dots and brackets, when it is written with digits, those and a
     * leading plus only: libphonenumber drops them too, but reads the shorter text faster. Anything else
     * (letters, an extension, a second plus) is left as written, for libphonenumber to read.
     */
    static String compact(String raw) {
        if (raw.length() > MAX_INPUT_LENGTH) {
            return raw;
        }
        char[] kept = new char[raw.length()];
        int length = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if ((c >= '0' && c <= '9') || (c == '+' && length == 0)) {
                kept[length++] = c;
            } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.') {
                return raw;
            }
        }
        return length == 0 ? raw : new String(kept, 0, length);
    }

    /** Whether libphonenumber knows {@code region} as a region with numbers ({@code RU}, {@code US}...). */
    public boolean isKnownRegion(String region) {
        return region != null && PhoneNumberUtil.getInstance().getSupportedRegions().contains(region.toUpperCase(Locale.ROOT));
    }

    private static List<ZoneId> known(List<String> zoneIds) {
        List<ZoneId> result = new ArrayList<>();
        for (String zone : zoneIds) {
            if (!UNKNOWN_ZONE.equals(zone) && JDK_ZONES.contains(zone)) {
                result.add(ZoneId.of(zone));
            }
        }
        return List.copyOf(result);
    }
}
