package dialer.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** People, campaigns and contacts for the tests of the campaign engine's API. */
public final class EngineFixtures {
    public static final String PASSWORD = "password-1";

    private EngineFixtures() {
    }

    /** Creates a user with one role; returns its id. */
    public static long user(RunningAppliance appliance, String username, String role) {
        ApiClient.Reply created = appliance.admin().postJson("/api/v1/users", "{\"username\":\"" + username
                + "\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"" + role + "\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    public static ApiClient as(RunningAppliance appliance, String username) {
        return appliance.anonymous().asUser(username, PASSWORD);
    }

    /** Creates a progressive campaign calling every day 09:00-20:00; returns its id. */
    public static long campaign(ApiClient manager, String name) {
        ApiClient.Reply created = manager.postJson("/api/v1/campaigns", "{\"name\":\"" + name + "\",\"mode\":\"progressive\","
                + "\"defaultRegion\":\"RU\",\"fallbackTimeZone\":\"Europe/Moscow\",\"schedule\":{\"days\":[\"mon\",\"tue\","
                + "\"wed\",\"thu\",\"fri\",\"sat\",\"sun\"],\"start\":\"09:00\",\"end\":\"20:00\"}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    /**
     * Pushes {@code count} contacts ({@code +7926} numbers from {@code firstNumber}) living in {@code timeZone}.
     */
    public static void contacts(ApiClient manager, long campaignId, long firstNumber, int count, String timeZone) {
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long number = firstNumber + i;
            contacts.add("{\"externalId\":\"c-" + number + "\",\"phone\":\"+7926" + number + "\",\"firstName\":\"Ivan\","
                    + "\"lastName\":\"Petrov-" + i + "\",\"timeZone\":\"" + timeZone + "\",\"customFields\":{\"plan\":\"gold\"}}");
        }
        ApiClient.Reply pushed = manager.postJson("/api/v1/campaigns/" + campaignId + "/contacts",
                "[" + String.join(",", contacts) + "]");
        assertThat(pushed.status()).as(pushed.toString()).isEqualTo(200);
        assertThat(pushed.json().get("accepted").asInt()).as(pushed.toString()).isEqualTo(count);
    }

    /** A time zone whose local time is now between {@code hour}:00 and {@code hour}:59. */
    public static String zoneWhereItIs(int hour) {
        int utcHour = ZonedDateTime.now(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(hour - utcHour + 12, 24) - 12;
        return offset == 0 ? "Etc/GMT" : offset > 0 ? "Etc/GMT-" + offset : "Etc/GMT+" + -offset;
    }
}
