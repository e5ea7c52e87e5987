package dialer.api.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import dialer.api.Appliance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code dialer serve}: runs the appliance until SIGTERM or Ctrl-C, then stops gracefully. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the appliance: database, engine and HTTP server, until stopped.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    private ConfigOption config;

    @Override
    public Integer call() throws InterruptedException {
        Appliance appliance = Appliance.start(config.load());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            appliance.close();
            stopped.countDown();
        }, "dialer-shutdown"));
        stopped.await();
        return 0;
    }
}
