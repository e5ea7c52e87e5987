package dialer.phone;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * Parses numbers as people write them ({@code 8 (495) 123-45-67}, {@code +7 495 1234567},
 * {@code 00 44 20 7946 0958}) with libphonenumber, for a default region, into E.164 with time zones.
 * Thread-safe.
 */
public final class PhoneNumbers {
    private static final String UNKNOWN_ZONE = "Etc/Unknown";
    private static final Set<String> JDK_ZONES = ZoneId.getAvailableZoneIds();

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final PhoneNumberToTimeZonesMapper zones = PhoneNumberToTimeZonesMapper.getInstance();

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
        try {
            Phonenumber.PhoneNumber number = util.parse(raw, defaultRegion.toUpperCase(Locale.ROOT));
            if (!util.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(new PhoneNumber(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164),
                    timeZonesOf(number)));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** Whether libphonenumber knows {@code region} as a region with numbers ({@code RU}, {@code US}...). */
    public boolean isKnownRegion(String region) {
        return region != null && util.getSupportedRegions().contains(region.toUpperCase(Locale.ROOT));
    }

    private List<ZoneId> timeZonesOf(Phonenumber.PhoneNumber number) {
        List<ZoneId> result = new ArrayList<>();
        for (String zone : zones.getTimeZonesForNumber(number)) {
            if (!UNKNOWN_ZONE.equals(zone) && JDK_ZONES.contains(zone)) {
                result.add(ZoneId.of(zone));
            }
        }
        return result;
    }
}
