package dialer.contact.intake;

import java.util.Optional;

/**
 * What became of one pushed contact.
 *
 * @param index     its position in the pushed list
 * @param contactId the stored contact, when accepted
 * @param reject    why it was refused, when it was
 * @param detail    what exactly was wrong, when refused
 */
public record PushResult(int index, Optional<Long> contactId, Optional<RejectReason> reject, Optional<String> detail) {
    public boolean accepted() {
        return reject.isEmpty();
    }
}
