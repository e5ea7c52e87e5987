package dialer.contact.intake;

import java.util.concurrent.Future;

/**
 * An import accepted for processing.
 *
 * @param id   the import's id, for its status
 * @param done completes when the import has finished, whether done or failed
 */
public record StartedImport(long id, Future<?> done) {
}
