package dialer.campaign;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Which time zones a campaign may call into at an instant: those where the local day and time fall inside
 * its {@link CallingHours}, which never reach outside 08:00-21:00.
 */
public final class CallingWindow {
    private static final List<ZoneId> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().map(ZoneId::of).toList();

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

    /** The ids of every time zone the JDK knows that is open at {@code now}, for the lease query. */
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
