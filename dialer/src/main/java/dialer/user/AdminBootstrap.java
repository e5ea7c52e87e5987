package dialer.user;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dialer.secret.Secrets;
import dialer.validation.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a fresh appliance can be signed in to: when there is no user at all, creates {@code admin}
 * with the configured password, or with a generated one written to {@code <data.dir>/admin-password}
 * (mode 600) and to the log.
 */
public final class AdminBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
    static final String ADMIN_USERNAME = "admin";
    static final String PASSWORD_FILE = "admin-password";

    private final UserService users;
    private final Path dataDir;

    public AdminBootstrap(UserService users, Path dataDir) {
        this.users = users;
        this.dataDir = dataDir;
    }

    /** Creates the first admin unless any user exists; another node doing the same at once is harmless. */
    public void ensureAdmin(Optional<String> configuredPassword) {
        if (users.count() > 0) {
            return;
        }
        String password = configuredPassword.orElseGet(() -> Secrets.generate(18));
        try {
            users.create(ADMIN_USERNAME, password, List.of(Role.ADMIN.code()));
        } catch (ConflictException e) {
            LOG.info("Another node created the first admin user first");
            return;
        }
        if (configuredPassword.isPresent()) {
            LOG.info("Created the user '{}' with the password given in DIALER_ADMIN_PASSWORD", ADMIN_USERNAME);
            return;
        }
        Path file = dataDir.resolve(PASSWORD_FILE);
        try {
            Secrets.writeOwnerOnly(file, password + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the generated admin password to " + file, e);
        }
        LOG.warn("Created the user '{}' with the generated password {} (also in {})",
                ADMIN_USERNAME, password, file.toAbsolutePath());
    }
}
