package dialer.contact.intake;

import java.util.Map;

/**
 * What an import stored.
 *
 * @param accepted how many contacts
 * @param rejects  how many rows it rejected, for each reason
 */
record ImportOutcome(long accepted, Map<RejectReason, Long> rejects) {
    long rejected() {
        return rejects.values().stream().mapToLong(Long::longValue).sum();
    }
}
