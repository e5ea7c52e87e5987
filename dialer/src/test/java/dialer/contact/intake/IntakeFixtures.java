package dialer.contact.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jdbi.v3.core.Jdbi;

/** Campaigns and files for intake tests. */
final class IntakeFixtures {
    private IntakeFixtures() {
    }

    static IntakeTarget campaign(Jdbi jdbi, String name, String region, String fallbackZone) {
        long id = jdbi.withHandle(h -> h.createUpdate("INSERT INTO campaigns (name, mode) VALUES (:name, 'predictive')")
                .bind("name", name).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new IntakeTarget(id, region, ZoneId.of(fallbackZone));
    }

    static Path file(Path dir, String name, String text, Charset charset) {
        try {
            return Files.write(dir.resolve(name), text.getBytes(charset));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImportStatus await(ContactImportService service, StartedImport started)
            throws InterruptedException, ExecutionException, TimeoutException {
        started.done().get(60, TimeUnit.SECONDS);
        return service.find(started.id()).orElseThrow();
    }

    static long contactsOf(Jdbi jdbi, long campaignId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM contacts WHERE campaign_id = :c")
                .bind("c", campaignId).mapTo(Long.class).one());
    }
}
