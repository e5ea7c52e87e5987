package dialer.packaging.endtoend;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The contact list the scenario imports: Moscow mobile numbers, each with its own name and external id, all in
 * a time zone where it is early afternoon now, so that every contact may be called at whatever time the test runs.
 */
final class CustomerList {
    private static final int LOCAL_HOUR = 14;

    private CustomerList() {
    }

    /** A fixed-offset zone ({@code Etc/GMT-3} is three hours east of Greenwich) whose local hour is 14 at {@code now}. */
    static ZoneId zoneAtTwoPm(Instant now) {
        int eastOfGreenwich = LOCAL_HOUR - now.atOffset(ZoneOffset.UTC).getHour();
        return ZoneId.of(String.format("Etc/GMT%+d", -eastOfGreenwich));
    }

    /** A CSV of {@code contacts} rows: phone, first and last name, external id, time zone. */
    static String csv(int contacts, ZoneId zone) {
        StringBuilder csv = new StringBuilder("phone,firstName,lastName,externalId,timeZone\n");
        for (int i = 0; i < contacts; i++) {
            csv.append("+7916").append(1_000_000 + i).append(",Customer,No").append(i).append(",crm-").append(i)
                    .append(',').append(zone.getId()).append('\n');
        }
        return csv.toString();
    }
}
