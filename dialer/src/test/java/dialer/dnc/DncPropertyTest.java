package dialer.dnc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import dialer.phone.PhoneNumbers;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dialer.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link DncService#isBlocked} agrees with a naive check in Java, over random lists and numbers. */
class DncPropertyTest {
    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private record Entry(DncTarget target, Optional<Long> campaignId) {
        boolean blocks(long campaign, String e164) {
            boolean inScope = campaignId.isEmpty() || campaignId.get() == campaign;
            boolean matches = target.kind() == DncKind.PREFIX
                    ? e164.startsWith(target.value()) : e164.equals(target.value());
            return inScope && matches;
        }
    }

    /** A pool, as in production: the test database opens a connection per call, too slow for thousands. */
    private static HikariDataSource pool;
    private static Jdbi pooled;

    @BeforeAll
    static void openPool() {
        HikariConfig config = new HikariConfig();
        config.setDataSource(DB.dataSource());
        config.setMaximumPoolSize(2);
        pool = new HikariDataSource(config);
        pooled = Jdbi.create(pool).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @Test
    void isBlockedAgreesWithANaiveCheck() {
        Random random = new Random(20240611L);
        DncService dnc = new DncService(pooled, new PhoneNumbers());
        List<Long> campaigns = DB.jdbi().withHandle(h -> h.createQuery(
                "INSERT INTO campaigns (name, mode) SELECT 'c' || i, 'predictive' FROM generate_series(1, 3) AS i RETURNING id")
                .mapTo(Long.class).list());
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Optional<Long> campaign = random.nextInt(3) == 0
                    ? Optional.empty() : Optional.of(campaigns.get(random.nextInt(campaigns.size())));
            String number = number(random);
            DncTarget target = random.nextBoolean() ? DncTarget.number(number)
                    : DncTarget.prefix(number.substring(0, 9 + random.nextInt(4)));
            DncEntry added = dnc.add(target.written(), campaign, Optional.empty(), "random").entry();
            assertThat(added.target()).isEqualTo(target);
            entries.add(new Entry(target, campaign));
        }

        int blocked = 0;
        for (int i = 0; i < 2000; i++) {
            String number = random.nextInt(4) == 0
                    ? entries.get(random.nextInt(entries.size())).target().value() : number(random);
            long campaign = campaigns.get(random.nextInt(campaigns.size()));
            boolean expected = entries.stream().anyMatch(entry -> entry.blocks(campaign, number));
            assertThat(dnc.isBlocked(campaign, number)).as(number + " in campaign " + campaign).isEqualTo(expected);
            blocked += expected ? 1 : 0;
        }
        assertThat(blocked).as("the random cases cover both answers").isBetween(300, 1700);
    }

    /** A valid Russian mobile number whose last digits come from a small alphabet, so that entries and numbers often meet. */
    private static String number(Random random) {
        StringBuilder number = new StringBuilder("+7916");
        for (int i = 0; i < 7; i++) {
            number.append((char) ('0' + random.nextInt(4)));
        }
        return number.toString();
    }
}
