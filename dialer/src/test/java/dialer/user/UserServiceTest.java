package dialer.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dialer.testing.TestDatabase;
import dialer.validation.ConflictException;
import dialer.validation.FieldError;
import dialer.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UserServiceTest {
    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private final UserService users = new UserService(DB.jdbi(), new PasswordHasher());

    @Test
    void storesOnlyABcryptHashOfThePassword() {
        User created = users.create("hash.check", "correct horse", List.of("manager", "agent"));

        String stored = DB.jdbi().withHandle(h -> h.createQuery("SELECT password_hash FROM users WHERE id = :id")
                .bind("id", created.id()).mapTo(String.class).one());
        assertThat(stored).startsWith("$2a$10$").doesNotContain("correct horse");
        assertThat(created.roles()).containsExactlyInAnyOrder(Role.MANAGER, Role.AGENT);
    }

    @Test
    void authenticatesOnlyTheRightPassword() {
        users.create("auth.check", "s3cret-password", List.of("agent"));

        assertThat(users.authenticate("auth.check", "s3cret-password")).map(User::username).contains("auth.check");
        assertThat(users.authenticate("AUTH.CHECK", "s3cret-password")).isPresent();
        assertThat(users.authenticate("auth.check", "s3cret-passwor")).isEmpty();
        assertThat(users.authenticate("nobody.here", "s3cret-password")).isEmpty();
    }

    @Test
    void refusesATakenUsernameWhateverItsCase() {
        users.create("taken.name", "password-1", List.of("agent"));

        assertThatThrownBy(() -> users.create("Taken.Name", "password-2", List.of("agent")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("is taken");
    }

    @Test
    void namesEveryInvalidField() {
        assertThatThrownBy(() -> users.create("x", "short", List.of("agent", "boss")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("username", "password", "roles[1]"));
        assertThatThrownBy(() -> users.create(null, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("username", "password", "roles"));
    }

    @Test
    void refusesPasswordsLongerThanBcryptReads() {
        assertThatThrownBy(() -> users.create("long.password", "ж".repeat(37), List.of("agent")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("password: must be at most 72 bytes");
    }
}
