package dialer.api.dnc;

/** The answer to {@code GET /api/v1/dnc/check}: whether the list forbids dialling the number. */
public record DncCheckView(boolean blocked) {
}
