package dialer.user;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dialer.persistence.UniqueViolation;
import dialer.validation.ConflictException;
import dialer.validation.FieldErrors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Creates people's accounts and checks their passwords. */
public final class UserService {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,64}");
    static final int MIN_PASSWORD_LENGTH = 8;

    private final UserDao users;
    private final PasswordHasher hasher;

    public UserService(Jdbi jdbi, PasswordHasher hasher) {
        this.users = jdbi.onDemand(UserDao.class);
        this.hasher = hasher;
    }

    /**
     * Creates an account.
     *
     * @throws dialer.validation.InvalidInputException naming each field that breaks a rule
     * @throws ConflictException when the username is taken (compared without case)
     */
    public User create(String username, String password, Collection<String> roleCodes) {
        Set<Role> roles = validate(username, password, roleCodes);
        try {
            long id = users.insert(username, hasher.hash(password),
                    roles.stream().map(Role::code).toArray(String[]::new));
            return users.findById(id).orElseThrow();
        } catch (UnableToExecuteStatementException e) {
            if (UniqueViolation.isCauseOf(e)) {
                throw new ConflictException("username", "the username '" + username + "' is taken");
            }
            throw e;
        }
    }

    public List<User> list() {
        return users.list();
    }

    public Optional<User> find(long id) {
        return users.findById(id);
    }

    /** The user whose name and password these are, if any; takes the same time whether the user exists or not. */
    public Optional<User> authenticate(String username, String password) {
        Optional<User> user = users.findByUsername(username);
        if (user.isEmpty()) {
            hasher.matchNothing(password);
            return Optional.empty();
        }
        return hasher.matches(password, users.passwordHash(user.get().id())) ? user : Optional.empty();
    }

    public long count() {
        return users.count();
    }

    private static Set<Role> validate(String username, String password, Collection<String> roleCodes) {
        FieldErrors errors = new FieldErrors();
        errors.check(username != null, "username", "is required")
                .check(username == null || USERNAME.matcher(username).matches(), "username",
                        "must be 3 to 64 letters, digits or . _ @ -");
        errors.check(password != null, "password", "is required")
                .check(password == null || password.length() >= MIN_PASSWORD_LENGTH, "password",
                        "must be at least " + MIN_PASSWORD_LENGTH + " characters")
                .check(password == null || password.getBytes(StandardCharsets.UTF_8).length
                        <= PasswordHasher.MAX_PASSWORD_BYTES, "password",
                        "must be at most " + PasswordHasher.MAX_PASSWORD_BYTES + " bytes in UTF-8");
        Set<Role> roles = new LinkedHashSet<>();
        List<String> codes = roleCodes == null ? List.of() : new ArrayList<>(roleCodes);
        errors.check(!codes.isEmpty(), "roles", "must name at least one of admin, manager, supervisor, agent");
        for (int i = 0; i < codes.size(); i++) {
            Optional<Role> role = Role.fromCode(codes.get(i));
            errors.check(role.isPresent(), "roles[" + i + "]",
                    "unknown role '" + codes.get(i) + "'; known: admin, manager, supervisor, agent");
            role.ifPresent(roles::add);
        }
        errors.throwIfAny();
        return roles;
    }
}
