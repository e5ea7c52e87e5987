package dialer.gateway.sip;

/** The user name and password a trunk asks for in a digest challenge (401 or 407). */
public record DigestCredentials(String username, String password) {
    public DigestCredentials {
        if (username == null || username.isBlank() || password == null) {
            throw new IllegalArgumentException("digest credentials need a user name and a password");
        }
    }

    @Override
    public String toString() {
        return "DigestCredentials[" + username + ", password hidden]";
    }
}
