package dialer.phone;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A valid telephone number in E.164 form ({@code +74951234567}) with the time zones its numbering plan
 * places it in (one for most numbers; several for numbers that span zones, such as some mobile ranges).
 */
public record PhoneNumber(String e164, List<ZoneId> timeZones) {
    public PhoneNumber {
        timeZones = List.copyOf(timeZones);
    }

    /** The number's time zone when its numbering plan names exactly one. */
    public Optional<ZoneId> singleTimeZone() {
        return timeZones.size() == 1 ? Optional.of(timeZones.get(0)) : Optional.empty();
    }
}
