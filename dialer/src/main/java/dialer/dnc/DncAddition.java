package dialer.dnc;

/**
 * The answer to adding an entry.
 *
 * @param entry   the entry now on the list
 * @param created false when the same entry was already there (adding is idempotent)
 */
public record DncAddition(DncEntry entry, boolean created) {
}
