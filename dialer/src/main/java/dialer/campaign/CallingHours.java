package dialer.campaign;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * When a campaign may call, in the contact's local time: on {@code days}, from {@code start} until
 * {@code end}. Never outside {@link #EARLIEST} to {@link #LATEST}, whatever the campaign asks.
 */
public record CallingHours(Set<DayOfWeek> days, LocalTime start, LocalTime end) {
    public static final LocalTime EARLIEST = LocalTime.of(8, 0);
    public static final LocalTime LATEST = LocalTime.of(21, 0);
    /** Monday to Saturday, 09:00 to 20:00. */
    public static final CallingHours DEFAULT = new CallingHours(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), LocalTime.of(9, 0), LocalTime.of(20, 0));

    public CallingHours {
        if (days.isEmpty() || start.isBefore(EARLIEST) || end.isAfter(LATEST) || !start.isBefore(end)) {
            throw new IllegalArgumentException("calling hours must be on some day, within 08:00-21:00, start before end: "
                    + days + " " + start + "-" + end);
        }
        days = Collections.unmodifiableSet(EnumSet.copyOf(days));
    }

    /** A day's code on the wire: {@code mon} ... {@code sun}. */
    public static String code(DayOfWeek day) {
        return day.name().substring(0, 3).toLowerCase(Locale.ROOT);
    }
}
