package dialer.contact.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a CSV import stands. {@code rowsRead} counts data rows read so far; when {@code done},
 * {@code accepted + rejected == rowsRead}. {@code rejectsByReason} is sorted by reason code.
 */
public record ImportStatus(long id, long campaignId, String fileName, State state, long rowsRead, long accepted,
        long rejected, Map<String, Long> rejectsByReason, Optional<String> error, Optional<Long> errorLine,
        Instant startedAt, Optional<Instant> finishedAt) {

    public enum State { RUNNING, DONE, FAILED }

    public ImportStatus {
        rejectsByReason = Collections.unmodifiableMap(new TreeMap<>(rejectsByReason));
    }

    /** Rows read per second, from the start to the end (or to {@code now} while running). */
    public double rowsPerSecond(Instant now) {
        double seconds = Duration.between(startedAt, finishedAt.orElse(now)).toNanos() / 1e9;
        return seconds <= 0 ? 0 : rowsRead / seconds;
    }
}
