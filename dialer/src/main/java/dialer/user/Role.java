package dialer.user;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a person may do in the appliance. */
public enum Role {
    ADMIN, MANAGER, SUPERVISOR, AGENT;

    /** The role's name on the wire and in the database: lower case. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromCode(String code) {
        return Arrays.stream(values()).filter(role -> role.code().equals(code)).findFirst();
    }
}
