package dialer.api.cli;

import dialer.api.bench.BenchCommand;
import dialer.api.config.ConfigException;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dialer}: the appliance's command line. */
@Command(name = "dialer", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Outbound predictive dialer and campaign manager.",
        subcommands = {ServeCommand.class, DemoCommand.class, DbCommand.class, BenchCommand.class, SimulateCommand.class,
                CommandLine.HelpCommand.class})
public final class DialerCommand implements Runnable {
    /** Exit code for a configuration that cannot be used, as for a usage error. */
    static final int EXIT_INVALID_CONFIG = 2;
    /** Exit code for any other failure, after logging its cause. */
    static final int EXIT_FAILURE = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(commandLine().execute(args));
    }

    /** The command line with its error handling: a bad configuration is one clear line and exit code 2. */
    public static CommandLine commandLine() {
        return new CommandLine(new DialerCommand())
                .setExecutionExceptionHandler((error, command, parsed) -> {
                    if (error instanceof ConfigException) {
                        command.getErr().println(command.getColorScheme().errorText(error.getMessage()));
                        return EXIT_INVALID_CONFIG;
                    }
                    LoggerFactory.getLogger(DialerCommand.class).error("{} failed", command.getCommandName(), error);
                    command.getErr().println(command.getColorScheme().errorText(
                            command.getCommandName() + " failed: " + error.getMessage()));
                    return EXIT_FAILURE;
                });
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
