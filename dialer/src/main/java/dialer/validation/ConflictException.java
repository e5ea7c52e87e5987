package dialer.validation;

/** A request that clashes with what is already stored, such as a taken name. */
public final class ConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field whose value clashes. */
    public String field() {
        return field;
    }
}
