package dialer.api.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import dialer.api.Appliance;
import dialer.api.demo.Demo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dialer demo}: the appliance on its settings (by default the embedded database and the simulated
 * trunk) with simulated agents working a predictive demo campaign, until SIGTERM or Ctrl-C.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the appliance with simulated agents dialling a generated demo campaign (predictive).")
final class DemoCommand implements Callable<Integer> {
    @Mixin
    private ConfigOption config;

    @Option(names = "--agents", defaultValue = "20", description = "Simulated agents (default: ${DEFAULT-VALUE}).")
    private int agents;

    @Option(names = "--contacts", defaultValue = "20000", description = "Contacts in the demo list (default: ${DEFAULT-VALUE}).")
    private int contacts;

    @Override
    public Integer call() throws Exception {
        Appliance appliance = Appliance.start(config.load());
        Demo demo = Demo.start(appliance, agents, contacts);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            demo.close();
            appliance.close();
            stopped.countDown();
        }, "dialer-shutdown"));
        stopped.await();
        return 0;
    }
}
