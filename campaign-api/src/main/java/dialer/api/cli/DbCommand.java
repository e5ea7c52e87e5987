package dialer.api.cli;

import java.util.concurrent.Callable;

import dialer.persistence.Database;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code dialer db ...}: database maintenance. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Database maintenance.",
        subcommands = DbCommand.Migrate.class)
final class DbCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code dialer db migrate}: brings the schema up to date, then exits. */
    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Apply pending schema migrations to the configured database and exit.")
    static final class Migrate implements Callable<Integer> {
        @Mixin
        private ConfigOption config;

        @picocli.CommandLine.Spec
        private picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Database database = Database.open(config.load().databaseSettings(), new SimpleMeterRegistry())) {
                int applied = database.migrate();
                spec.commandLine().getOut().println("Applied " + applied + " migration(s) to " + database.describe());
            }
            return 0;
        }
    }
}
