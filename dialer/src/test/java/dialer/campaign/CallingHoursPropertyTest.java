package dialer.campaign;

import static dialer.campaign.CampaignInputs.minimal;
import static dialer.campaign.CampaignInputs.withSchedule;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dialer.campaign.CampaignInput.ScheduleInput;
import dialer.testing.TestDatabase;
import dialer.validation.FieldError;
import dialer.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Whatever calling hours a client sends, a stored campaign never calls outside 08:00-21:00. */
class CallingHoursPropertyTest {
    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private static final String[] ODD_TIMES = {"", " ", "9:00", "09:0", "09:00:00", "24:00", "23:60", "noon", "-1:00",
            "08:00 ", "０９:００", "21:01", "20:59", "08:00", "21:00", "00:00", "07:59"};
    private static final String[] DAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun", "MON", "monday", "", "xyz"};

    private final CampaignService campaigns = new CampaignService(DB.jdbi());

    @Test
    void randomSchedulesAreStoredInsideTheLegalWindowOrRefusedNamingTheField() {
        Random random = new Random(20240601);
        int accepted = 0;
        for (int i = 0; i < 400; i++) {
            ScheduleInput schedule = new ScheduleInput(days(random), time(random), time(random));
            try {
                CallingHours hours = campaigns.create(withSchedule(minimal("Random " + i), schedule))
                        .settings().schedule();
                assertThat(hours.start()).as("%s", schedule).isAfterOrEqualTo(CallingHours.EARLIEST)
                        .isBefore(hours.end());
                assertThat(hours.end()).as("%s", schedule).isBeforeOrEqualTo(CallingHours.LATEST);
                assertThat(hours.days()).as("%s", schedule).isNotEmpty();
                accepted++;
            } catch (InvalidInputException e) {
                assertThat(e.errors()).as("%s", schedule).isNotEmpty()
                        .extracting(FieldError::field).allMatch(field -> field.startsWith("schedule."));
            }
        }
        assertThat(accepted).as("some random schedules are legal").isBetween(20, 380);
    }

    private static List<String> days(Random random) {
        if (random.nextInt(10) == 0) {
            return null;
        }
        List<String> days = new ArrayList<>();
        int count = random.nextInt(8);
        for (int i = 0; i < count; i++) {
            days.add(random.nextInt(12) == 0 ? DAYS[7 + random.nextInt(DAYS.length - 7)] : DAYS[random.nextInt(7)]);
        }
        return days;
    }

    private static String time(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> null;
            case 1, 2 -> ODD_TIMES[random.nextInt(ODD_TIMES.length)];
            default -> String.format("%02d:%02d", 6 + random.nextInt(17), random.nextInt(60));
        };
    }
}
