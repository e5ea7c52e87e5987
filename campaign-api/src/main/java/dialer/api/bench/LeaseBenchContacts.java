package dialer.api.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dialer.contact.ContactPartitions;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * A campaign's contacts as the lease benchmark needs them, generated and COPYed ({@code FREEZE}) into the
 * campaign's new table the way a first list is loaded: Russian mobile numbers, each unique, spread over
 * Russia's time zones by population; mostly priority 0; a campaign that has dialled for a while, so that
 * most contacts are {@code READY} (a fifth of them tried before), some wait to be retried or called back,
 * some are done, a few are due callbacks, and a few the lease must pass over (on a do-not-call list, out of
 * attempts, at the 30-day cap, abandoned within 72 hours). One in a hundred {@code READY} numbers is put on
 * a do-not-call list (global or the campaign's), with 100,000 other numbers and two prefixes.
 */
final class LeaseBenchContacts {
    /** Russia's time zones and their share of its population, in thousandths. */
    private static final String[] ZONES = {"Europe/Kaliningrad", "Europe/Moscow", "Europe/Volgograd", "Europe/Samara",
        "Asia/Yekaterinburg", "Asia/Omsk", "Asia/Novosibirsk", "Asia/Barnaul", "Asia/Krasnoyarsk", "Asia/Irkutsk",
        "Asia/Yakutsk", "Asia/Vladivostok", "Asia/Magadan", "Asia/Kamchatka"};
    private static final int[] ZONE_SHARES = {7, 590, 25, 45, 110, 30, 45, 15, 35, 30, 15, 40, 8, 5};
    private static final String[] FIRST_NAMES = {"Иван", "Мария", "Олег", "Анна", "Сергей", "Елена"};
    private static final String[] LAST_NAMES = {"Иванов", "Петрова", "Сидоров", "Кузнецова", "Смирнов", "Попова"};
    private static final String[] CITIES = {"Москва", "Новосибирск", "Екатеринбург", "Казань", "Омск"};
    private static final String[] DNC_PREFIXES = {"+799901", "+796502"};
    private static final int OTHER_DNC_NUMBERS = 100_000;
    private static final String COLUMNS = "id, campaign_id, phone_e164, time_zone, first_name, last_name, external_id, "
            + "priority, state, next_attempt_at, callback_at, attempts_total, custom_fields, last_attempt_at, "
            + "abandoned_at, recent_attempts";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssX");

    private final Random random;
    private final Instant now;
    private final int maxAttemptsTotal;
    private final int maxAttemptsPer30Days;
    private final List<String> dncNumbers = new ArrayList<>();
    private final Map<Long, String> times = new HashMap<>();

    LeaseBenchContacts(long seed, Instant now, int maxAttemptsTotal, int maxAttemptsPer30Days) {
        this.random = new Random(seed);
        this.now = now;
        this.maxAttemptsTotal = maxAttemptsTotal;
        this.maxAttemptsPer30Days = maxAttemptsPer30Days;
    }

    /** Creates the campaign's table with {@code count} contacts, in the handle's transaction; returns how many. */
    long load(Handle handle, long campaignId, int count) {
        long firstId = handle.createQuery("SELECT setval('contact_ids', nextval('contact_ids') + :n)")
                .bind("n", count).mapTo(Long.class).one() - count;
        return ContactPartitions.load(handle, campaignId, table -> copy(handle,
                "COPY " + table + " (" + COLUMNS + ") FROM STDIN (FREEZE)", out -> {
                    StringBuilder row = new StringBuilder(256);
                    for (int i = 0; i < count; i++) {
                        row.setLength(0);
                        contact(row, firstId + i, campaignId, i);
                        out.append(row);
                    }
                }));
    }

    /** Puts the numbers {@link #load} chose, and other entries, on the do-not-call lists; returns how many. */
    long listDoNotCall(Handle handle, long campaignId) {
        long entries = copy(handle, "COPY dnc_entries (phone_e164, campaign_id, kind, source) FROM STDIN", out -> {
            for (int i = 0; i < dncNumbers.size(); i++) {
                out.append(dncNumbers.get(i)).append(i % 2 == 0 ? "\t\\N" : "\t" + campaignId).append("\tnumber\tbench\n");
            }
            for (int i = 0; i < OTHER_DNC_NUMBERS; i++) {
                out.append("+7495").append(String.format("%07d", i * 7_919L % 10_000_000)).append("\t\\N\tnumber\tbench\n");
            }
            for (String prefix : DNC_PREFIXES) {
                out.append(prefix).append("\t\\N\tprefix\tbench\n");
            }
        });
        handle.execute("ANALYZE dnc_entries");
        return entries;
    }

    private void contact(StringBuilder row, long id, long campaignId, int index) {
        // 3^18 is prime to 10^9, so that the numbers of the first billion contacts are all different
        String digits = Long.toString(index * 387_420_489L % 1_000_000_000L + 1_000_000_000L);
        String phone = "+79" + digits.substring(1);
        int priority = priority();
        double kind = random.nextDouble();
        String state = "READY";
        Instant next = null;
        Instant callback = null;
        Instant abandoned = null;
        int attempts = 0;
        int recent = 0;
        if (kind < 0.0005) {
            callback = now.minus(minutes(600));
            attempts = 1 + random.nextInt(3);
        } else if (kind < 0.0055) {
            attempts = maxAttemptsTotal;
        } else if (kind < 0.0105) {
            attempts = maxAttemptsPer30Days + 1;
            recent = maxAttemptsPer30Days;
        } else if (kind < 0.0135) {
            attempts = 1;
            abandoned = now.minus(minutes(60 * 48));
        } else if (kind < 0.80) {
            attempts = random.nextInt(5) == 0 ? 1 + random.nextInt(3) : 0;
            next = attempts == 0 ? null : now.minus(minutes(60 * 24 * 10));
            if (attempts == 0 && random.nextInt(100) == 0) {
                dncNumbers.add(phone);
            }
        } else if (kind < 0.88) {
            state = "RETRY";
            attempts = 1 + random.nextInt(3);
            next = now.plus(minutes(60 * 48));
        } else if (kind < 0.885) {
            state = "CALLBACK";
            attempts = 1 + random.nextInt(3);
            callback = now.plus(minutes(60 * 72));
        } else {
            state = kind < 0.93 ? "COMPLETED" : kind < 0.995 ? "FAILED" : "DNC";
            attempts = 1 + random.nextInt(maxAttemptsTotal);
        }
        recent = recent == 0 ? Math.min(attempts, maxAttemptsPer30Days) : recent;
        row.append(id).append('\t').append(campaignId).append('\t').append(phone).append('\t').append(zone())
                .append('\t').append(FIRST_NAMES[random.nextInt(FIRST_NAMES.length)])
                .append('\t').append(LAST_NAMES[random.nextInt(LAST_NAMES.length)])
                .append("\tCRM-").append(index).append('\t').append(priority).append('\t').append(state)
                .append('\t').append(time(next)).append('\t').append(time(callback)).append('\t').append(attempts)
                .append("\t{\"city\": \"").append(CITIES[random.nextInt(CITIES.length)]).append("\"}")
                .append('\t').append(attempts == 0 ? "\\N" : time(now.minus(minutes(60 * 24 * 3))))
                .append('\t').append(time(abandoned)).append("\t{");
        // a contact at the 30-day cap was tried within 30 days; the others long ago
        Duration age = recent == maxAttemptsPer30Days && attempts == maxAttemptsPer30Days + 1
                ? Duration.ofDays(2) : Duration.ofDays(40);
        for (int i = 0; i < recent; i++) {
            row.append(i == 0 ? "" : ",").append('"').append(time(now.minus(age).plus(Duration.ofHours(i)))).append('"');
        }
        row.append("}\n");
    }

    private int priority() {
        int draw = random.nextInt(100);
        return draw < 90 ? 0 : draw < 98 ? 1 + random.nextInt(3) : 5 + random.nextInt(5);
    }

    private String zone() {
        int draw = random.nextInt(1000);
        for (int i = 0; i < ZONES.length; i++) {
            draw -= ZONE_SHARES[i];
            if (draw < 0) {
                return ZONES[i];
            }
        }
        return ZONES[1];
    }

    private Duration minutes(int upTo) {
        return Duration.ofMinutes(1 + random.nextInt(upTo));
    }

    /** The time as COPY text; the few thousand distinct times are formatted once each. */
    private String time(Instant at) {
        return at == null ? "\\N" : times.computeIfAbsent(at.getEpochSecond(),
                second -> OffsetDateTime.ofInstant(at, ZoneOffset.UTC).format(TIME));
    }

    private static long copy(Handle handle, String sql, RowWriter rows) {
        try {
            PGCopyOutputStream stream = new PGCopyOutputStream(handle.getConnection().unwrap(PGConnection.class), sql, 1 << 16);
            try {
                Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
                rows.write(out);
                out.flush();
                return stream.endCopy();
            } finally {
                if (stream.isActive()) {
                    stream.cancelCopy();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Writes rows of COPY text. */
    @FunctionalInterface
    private interface RowWriter {
        void write(Writer out) throws IOException;
    }
}
