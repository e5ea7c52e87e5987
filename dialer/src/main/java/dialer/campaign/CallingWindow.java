package dialer.campaign;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Which time zones a campaign may call into at an instant: those where the local day and time fall inside
 * its {@link CallingHours}, which never reach outside 08:00-21:00.
 */
public final class CallingWindow {
    private static final List<ZoneId> ZONES = Stream.concat(
            ZoneId.getAvailableZoneIds().stream().sorted().map(ZoneId::of),
            IntStream.rangeClosed(-12 * 4, 14 * 4).mapToObj(quarters -> ZoneOffset.ofTotalSeconds(quarters * 15 * 60)))
            .toList();

    private final CallingHours hours;

    public CallingWindow(CallingHours hours) {
        this.hours = hours;
    }

    /** Whether a contact in {@code zone} may be called at {@code now}. */
    public boolean isOpen(ZoneId zone, Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        return hours.days().contains(local.getDayOfWeek()) && !time.isBefore(hours.start()) && time.isBefore(hours.end())
                && !time.isBefore(CallingHours.EARLIEST) && time.isBefore(CallingHours.LATEST);
    }

    /** Whether a contact whose time zone is written {@code zoneId} may be called at {@code now}; false for an unknown zone. */
    public boolean isOpen(String zoneId, Instant now) {
        try {
            return zoneId != null && isOpen(ZoneId.of(zoneId), now);
        } catch (DateTimeException e) {
            return false;
        }
    }

    /**
     * The ids of every time zone open at {@code now}, for the lease query: the JDK's regions, and the fixed
     * offsets ({@code +03:00}, {@code Z}...) a list may give instead, by quarter hours from -12:00 to +14:00.
     */
    public String[] openZones(Instant now) {
        List<String> open = new ArrayList<>();
        for (ZoneId zone : ZONES) {
            if (isOpen(zone, now)) {
                open.add(zone.getId());
            }
        }
        return open.toArray(String[]::new);
    }
}
