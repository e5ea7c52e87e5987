package dialer.contact.intake;

/** An uploaded file that cannot be imported at all (empty, no header, no phone column, too large). */
public final class UnreadableUploadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnreadableUploadException(String message) {
        super(message);
    }
}
