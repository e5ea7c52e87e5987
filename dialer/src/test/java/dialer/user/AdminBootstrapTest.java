package dialer.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import dialer.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class AdminBootstrapTest {
    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    @TempDir
    Path dataDir;

    @Test
    void generatesAPasswordIntoAnOwnerOnlyFile() throws Exception {
        UserService users = new UserService(db.jdbi(), new PasswordHasher());

        new AdminBootstrap(users, dataDir).ensureAdmin(Optional.empty());

        Path file = dataDir.resolve("admin-password");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String password = Files.readString(file).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(users.authenticate("admin", password)).map(User::roles).contains(java.util.Set.of(Role.ADMIN));
    }

    @Test
    void usesTheConfiguredPasswordAndWritesNoFile() {
        UserService users = new UserService(db.jdbi(), new PasswordHasher());

        new AdminBootstrap(users, dataDir).ensureAdmin(Optional.of("given-password"));

        assertThat(users.authenticate("admin", "given-password")).isPresent();
        assertThat(dataDir.resolve("admin-password")).doesNotExist();
    }

    @Test
    void leavesAnApplianceWithUsersAlone() {
        UserService users = new UserService(db.jdbi(), new PasswordHasher());
        users.create("first.manager", "password-1", java.util.List.of("manager"));

        new AdminBootstrap(users, dataDir).ensureAdmin(Optional.of("given-password"));

        assertThat(users.list()).extracting(User::username).containsExactly("first.manager");
    }
}
