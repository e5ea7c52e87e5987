package dialer.attempt;

import java.time.Instant;

/**
 * What becomes of a contact when its attempt closes: {@code state} ({@code RETRY} turns into {@code FAILED}
 * by itself once the outcome's retries or the campaign's attempts are spent), when to call again, a
 * callback's time and owner, and whether the attempt was an abandoned live answer.
 */
public record NextStep(String state, Instant nextAttemptAt, Instant callbackAt, Long callbackOwner,
        int maxRetries, boolean abandoned) {

    /** Done for good in {@code state} ({@code COMPLETED}, {@code FAILED}, {@code DNC}). */
    public static NextStep end(String state) {
        return new NextStep(state, null, null, null, 0, false);
    }

    /** Call again at {@code at}, unless {@code maxRetries} attempts with the same outcome came before. */
    public static NextStep retry(Instant at, int maxRetries, boolean abandoned) {
        return new NextStep("RETRY", at, null, null, maxRetries, abandoned);
    }

    /** Call back at {@code at}, by {@code owner} (a user id) when not null. */
    public static NextStep callback(Instant at, Long owner) {
        return new NextStep("CALLBACK", null, at, owner, Integer.MAX_VALUE, false);
    }
}
