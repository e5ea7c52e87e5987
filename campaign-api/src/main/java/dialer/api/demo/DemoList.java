package dialer.api.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * The demo campaign's list: Moscow numbers of people spread over time zones around the world (an explicit
 * time zone column), so that some of them may be called whatever the hour the demo starts at.
 */
final class DemoList {
    /** Zones no more than three hours apart: at any hour, one of them is inside 08:00-21:00. */
    static final List<String> ZONES = List.of("Pacific/Honolulu", "America/Los_Angeles", "America/Chicago",
            "America/New_York", "America/Sao_Paulo", "Europe/London", "Europe/Moscow", "Asia/Dubai", "Asia/Kolkata",
            "Asia/Bangkok", "Asia/Tokyo", "Australia/Sydney", "Pacific/Auckland");
    private static final String[] FIRST = {"Анна", "Иван", "Мария", "Олег", "Елена", "Пётр", "Ольга", "Сергей"};
    private static final String[] LAST = {"Смирнова", "Иванов", "Кузнецова", "Попов", "Соколова", "Лебедев"};

    private DemoList() {
    }

    /** Writes {@code rows} contacts, with a header, as a {@code ;}-separated UTF-8 file. */
    static void write(Path file, int rows, long seed) throws IOException {
        Random random = new Random(seed);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Фамилия;Имя;Телефон;Часовой пояс;External ID\n");
            for (int row = 0; row < rows; row++) {
                out.write(LAST[random.nextInt(LAST.length)] + ';' + FIRST[random.nextInt(FIRST.length)] + ';'
                        + "+7495" + (1_000_000 + random.nextInt(9_000_000)) + ';' + ZONES.get(row % ZONES.size())
                        + ";demo-" + row + '\n');
            }
        }
    }
}
