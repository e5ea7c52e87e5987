package dialer.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar dialer.jar demo} on a fresh data directory, as the README's run command starts it: within
 * 30 seconds of the start, the demo campaign's stats show dials and live answers.
 */
class DemoIT {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final Pattern CAMPAIGN = Pattern.compile("campaign 'Demo: predictive' \\(id (\\d+)\\)");

    @Test
    void theDemoShowsDialsAndLiveAnswersInItsStatsWithin30Seconds(@TempDir Path dir) throws Exception {
        int port = ApplianceProcess.freePort();
        long start = System.nanoTime();
        try (ApplianceProcess demo = ApplianceProcess.start(dir, Map.of("DIALER_DATA_DIR", dir.resolve("data").toString(),
                "DIALER_HTTP_PORT", Integer.toString(port)), "demo")) {
            demo.awaitHealthy(LIMIT);
            String stats = null;
            while (System.nanoTime() - start < LIMIT.toNanos()) {
                Matcher campaign = CAMPAIGN.matcher(demo.output());
                if (campaign.find()) {
                    String credentials = "admin:" + Files.readString(dir.resolve("data/admin-password")).strip();
                    Optional<String> body = demo.body("/api/v1/campaigns/" + campaign.group(1) + "/stats", credentials);
                    if (body.isPresent() && count(body.get(), "dials") > 0 && count(body.get(), "liveAnswers") > 0) {
                        stats = body.get();
                        break;
                    }
                }
                Thread.sleep(250);
            }
            assertThat(stats).as("stats with dials and live answers within %s; the demo said:%n%s", LIMIT, demo.output())
                    .isNotNull();
        }
    }

    private static long count(String json, String field) {
        Matcher value = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        return value.find() ? Long.parseLong(value.group(1)) : 0;
    }
}
