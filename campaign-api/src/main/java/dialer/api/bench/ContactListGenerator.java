package dialer.api.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a contact list as a Russian contact centre exports it from Excel: {@code ;}-separated, Russian
 * header, numbers in mixed formats, about 2% invalid numbers and 1% repeated ones.
 */
final class ContactListGenerator {
    private static final String[] LAST_NAMES = {"Иванов", "Петрова", "Сидоров", "Кузнецова", "Смирнов", "Попова"};
    private static final String[] FIRST_NAMES = {"Иван", "Мария", "Олег", "Анна", "Сергей", "Елена"};
    private static final String[] CITIES = {"Москва", "Новосибирск", "Екатеринбург", "Казань", "Омск"};

    private final Random random;
    /** Starts every external id, so that lists made with other seeds name other CRM records. */
    private final String externalIdPrefix;

    ContactListGenerator(long seed) {
        this.random = new Random(seed);
        this.externalIdPrefix = ";CRM-" + seed + "-";
    }

    /** Writes {@code rows} data rows; returns a sample of the valid numbers written, in E.164. */
    List<String> write(Path file, int rows) throws IOException {
        List<String> sample = new ArrayList<>();
        List<String> recent = new ArrayList<>();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Фамилия;Имя;Телефон;Город;Внешний ID\n");
            for (int row = 0; row < rows; row++) {
                String phone;
                int kind = random.nextInt(100);
                if (kind < 2) {
                    phone = Integer.toString(1000 + random.nextInt(90000));
                } else if (kind < 3 && !recent.isEmpty()) {
                    phone = recent.get(random.nextInt(recent.size()));
                } else {
                    long subscriber = (random.nextBoolean() ? 9_150_000_000L : 9_600_000_000L) + (long) (random.nextDouble() * 300_000_000L);
                    phone = format(subscriber);
                    if (recent.size() < 1000) {
                        recent.add(phone);
                    } else {
                        recent.set(random.nextInt(recent.size()), phone);
                    }
                    if (sample.size() < 2000 && random.nextInt(100) == 0) {
                        sample.add("+7" + subscriber);
                    }
                }
                out.write(LAST_NAMES[random.nextInt(LAST_NAMES.length)]);
                out.write(';');
                out.write(FIRST_NAMES[random.nextInt(FIRST_NAMES.length)]);
                out.write(';');
                out.write(phone);
                out.write(';');
                out.write(CITIES[random.nextInt(CITIES.length)]);
                out.write(externalIdPrefix);
                out.write(Integer.toString(row));
                out.write('\n');
            }
        }
        return sample;
    }

    private String format(long subscriber) {
        String digits = Long.toString(subscriber);
        return switch (random.nextInt(4)) {
            case 0 -> "+7 " + digits.substring(0, 3) + " " + digits.substring(3, 6) + "-" + digits.substring(6, 8)
                    + "-" + digits.substring(8);
            case 1 -> "8 (" + digits.substring(0, 3) + ") " + digits.substring(3, 6) + "-" + digits.substring(6);
            case 2 -> "7" + digits;
            default -> digits;
        };
    }
}
