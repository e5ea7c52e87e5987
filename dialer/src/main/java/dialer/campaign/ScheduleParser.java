package dialer.campaign;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dialer.campaign.CampaignInput.ScheduleInput;
import dialer.validation.FieldErrors;

/** Reads {@code schedule}: a missing part takes its {@link CallingHours#DEFAULT}; a bad part is an error. */
final class ScheduleParser {
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final String DAY_CODES = Arrays.stream(DayOfWeek.values()).map(CallingHours::code)
            .collect(Collectors.joining(", "));

    private ScheduleParser() {
    }

    /** The calling hours, or empty when {@code errors} got at least one {@code schedule.*} error. */
    static Optional<CallingHours> parse(ScheduleInput input, FieldErrors errors) {
        ScheduleInput given = input == null ? new ScheduleInput(null, null, null) : input;
        Optional<Set<DayOfWeek>> days = given.days() == null
                ? Optional.of(CallingHours.DEFAULT.days()) : days(given.days(), errors);
        Optional<LocalTime> start = time(given.start(), CallingHours.DEFAULT.start(), "schedule.start", errors)
                .filter(time -> check(!time.isBefore(CallingHours.EARLIEST), "schedule.start",
                        "must be " + CallingHours.EARLIEST + " or later", errors));
        Optional<LocalTime> end = time(given.end(), CallingHours.DEFAULT.end(), "schedule.end", errors)
                .filter(time -> check(!time.isAfter(CallingHours.LATEST), "schedule.end",
                        "must be " + CallingHours.LATEST + " or earlier", errors));
        if (days.isEmpty() || start.isEmpty() || end.isEmpty()
                || !check(start.get().isBefore(end.get()), "schedule.end", "must be after schedule.start", errors)) {
            return Optional.empty();
        }
        return Optional.of(new CallingHours(days.get(), start.get(), end.get()));
    }

    private static Optional<Set<DayOfWeek>> days(List<String> codes, FieldErrors errors) {
        boolean valid = check(!codes.isEmpty(), "schedule.days", "must name at least one of " + DAY_CODES, errors);
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            Optional<DayOfWeek> day = Arrays.stream(DayOfWeek.values())
                    .filter(candidate -> CallingHours.code(candidate).equals(code)).findFirst();
            valid &= check(day.isPresent(), "schedule.days[" + i + "]",
                    "unknown day '" + code + "'; known: " + DAY_CODES, errors);
            day.ifPresent(days::add);
        }
        return valid ? Optional.of(days) : Optional.empty();
    }

    private static Optional<LocalTime> time(String text, LocalTime defaultTime, String field, FieldErrors errors) {
        if (text == null) {
            return Optional.of(defaultTime);
        }
        boolean valid = check(TIME.matcher(text).matches(), field, "must be a time as HH:mm, such as 09:00", errors);
        return valid ? Optional.of(LocalTime.parse(text)) : Optional.empty();
    }

    private static boolean check(boolean valid, String field, String message, FieldErrors errors) {
        errors.check(valid, field, message);
        return valid;
    }
}
