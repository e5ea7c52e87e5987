package dialer.api.http;

/** The route exists but the thing it names does not (no user with that id): a 404 saying what is missing. */
public final class NoSuchResourceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NoSuchResourceException(String detail) {
        super(detail);
    }
}
