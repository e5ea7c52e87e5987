package dialer.api.contact;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import dialer.contact.intake.ImportStatus;

/** An import as {@code GET /api/v1/imports/{id}} shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportView(long id, long campaignId, String fileName, String state, long rowsRead, long accepted,
        long rejected, Map<String, Long> rejectsByReason, long rowsPerSecond, String error, Long errorLine,
        Instant startedAt, Instant finishedAt) {

    static ImportView of(ImportStatus status, Instant now) {
        return new ImportView(status.id(), status.campaignId(), status.fileName(),
                status.state().name().toLowerCase(Locale.ROOT), status.rowsRead(), status.accepted(), status.rejected(),
                status.rejectsByReason(), Math.round(status.rowsPerSecond(now)), status.error().orElse(null),
                status.errorLine().orElse(null), status.startedAt(), status.finishedAt().orElse(null));
    }
}
