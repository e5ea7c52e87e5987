package dialer.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dialer.campaign.AbandonWindow;
import dialer.campaign.Campaign;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads a campaign's figures from the attempts and contacts tables. A live answer is an attempt bridged to
 * an agent (counted from the bridge) or abandoned (answered by a person who reached no agent in time).
 */
public final class CampaignStats {
    private static final String COUNTS = """
            SELECT count(*) FILTER (WHERE started_at >= :from) AS dials,
                   count(*) FILTER (WHERE started_at >= :from AND (bridged_at IS NOT NULL OR outcome = 'ABANDONED')) AS live,
                   count(*) FILTER (WHERE started_at >= :from AND outcome = 'ABANDONED') AS abandoned,
                   count(*) FILTER (WHERE started_at >= :window AND (bridged_at IS NOT NULL OR outcome = 'ABANDONED'))
                       AS live_window,
                   count(*) FILTER (WHERE started_at >= :window AND outcome = 'ABANDONED') AS abandoned_window,
                   count(*) FILTER (WHERE ended_at IS NULL) AS open
            FROM attempts WHERE campaign_id = :campaignId""";

    private final Jdbi jdbi;

    public CampaignStats(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The counters a runner starts from at {@code now}. */
    public CampaignCounters counters(Campaign campaign, Instant now) {
        Instant dayStart = now.atOffset(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant windowStart = now.minus(window(campaign.settings().abandonWindow()));
        Map<String, Object> today = counts(campaign.id(), dayStart, windowStart);
        return new CampaignCounters(now.atOffset(ZoneOffset.UTC).toLocalDate(), get(today, "dials"), get(today, "live"),
                get(today, "abandoned"), get(today, "live_window"), get(today, "abandoned_window"));
    }

    /** The campaign's figures at {@code now}. */
    public CampaignReport report(long campaignId, Instant now) {
        Map<String, Object> all = counts(campaignId, Instant.EPOCH, now.minus(Duration.ofHours(24)));
        Map<String, Object> month = counts(campaignId, Instant.EPOCH, now.minus(Duration.ofDays(30)));
        return jdbi.withHandle(handle -> new CampaignReport(get(all, "dials"), get(all, "live"), get(all, "abandoned"),
                rate(all), rate(month), get(all, "open"),
                byKey(handle.createQuery("SELECT state AS key, count(*) AS n FROM contacts WHERE campaign_id = :c GROUP BY state")
                        .bind("c", campaignId).mapToMap().list()),
                byKey(handle.createQuery("SELECT reason AS key, skipped AS n FROM compliance_skips WHERE campaign_id = :c")
                        .bind("c", campaignId).mapToMap().list())));
    }

    private Map<String, Object> counts(long campaignId, Instant from, Instant windowStart) {
        return jdbi.withHandle(handle -> handle.createQuery(COUNTS).bind("campaignId", campaignId)
                .bind("from", from.atOffset(ZoneOffset.UTC)).bind("window", windowStart.atOffset(ZoneOffset.UTC))
                .mapToMap().one());
    }

    private static Map<String, Long> byKey(List<Map<String, Object>> rows) {
        Map<String, Long> result = new LinkedHashMap<>();
        rows.forEach(row -> result.put(String.valueOf(row.get("key")), ((Number) row.get("n")).longValue()));
        return result;
    }

    private static double rate(Map<String, Object> counts) {
        long live = get(counts, "live_window");
        return live == 0 ? 0 : (double) get(counts, "abandoned_window") / live;
    }

    private static long get(Map<String, Object> counts, String key) {
        return ((Number) counts.get(key)).longValue();
    }

    private static Duration window(AbandonWindow window) {
        return window == AbandonWindow.HOURS_24 ? Duration.ofHours(24) : Duration.ofDays(30);
    }
}
