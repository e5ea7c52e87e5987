package dialer.api.attempt;

/** The answer to a disposition: the attempt, the code set, and the contact's state now ({@code COMPLETED}, {@code RETRY}...). */
public record DispositionView(long attemptId, String code, String contactState) {
}
