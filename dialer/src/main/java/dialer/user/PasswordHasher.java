package dialer.user;

import java.nio.charset.StandardCharsets;

import at.favre.lib.crypto.bcrypt.BCrypt;

/** Hashes and checks passwords with bcrypt. */
public final class PasswordHasher {
    /** bcrypt reads at most this many bytes of a password; longer ones are refused, not truncated. */
    public static final int MAX_PASSWORD_BYTES = 72;
    private static final int COST = 10;
    /** Checked against when the user does not exist, so that the answer takes as long either way. */
    private static final String DUMMY_HASH = BCrypt.withDefaults().hashToString(COST, "not a password".toCharArray());

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return false;
        }
        return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
    }

    /** Spends the time of one check, for a user that does not exist. */
    public void matchNothing(String password) {
        matches(password, DUMMY_HASH);
    }
}
