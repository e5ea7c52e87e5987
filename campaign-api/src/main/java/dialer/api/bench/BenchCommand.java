package dialer.api.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import dialer.persistence.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dialer bench ...}: performance benchmarks, each printing its figures as JSON on its last line. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Performance benchmarks.",
        subcommands = {BenchCommand.Import.class, BenchCommand.Lease.class, BenchCommand.Pacing.class, BenchCommand.Sip.class})
public final class BenchCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code dialer bench import}: a generated contact list through the CSV import, against COPY. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a generated list of contacts on a fresh embedded PostgreSQL and compare with a raw COPY.")
    static final class Import implements Callable<Integer> {
        @Option(names = "--rows", defaultValue = "1000000", description = "data rows to generate (default ${DEFAULT-VALUE})")
        private int rows;

        @Option(names = "--seed", defaultValue = "1", description = "random seed of the generated list")
        private long seed;

        @Option(names = "--warmup-rows", defaultValue = "300000",
                description = "rows imported first, unmeasured, so that the JIT has compiled the import (default ${DEFAULT-VALUE}; 0 measures a cold start)")
        private int warmupRows;

        @Option(names = "--added-rows", defaultValue = "100000",
                description = "rows imported afterwards into the same campaign, through its live indexes (default ${DEFAULT-VALUE})")
        private int addedRows;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (BenchWorkDir workDir = BenchWorkDir.create("dialer-bench-")) {
                Database database = workDir.database(4);
                Map<String, Object> figures = new LinkedHashMap<>(Map.of("benchmark", "import"));
                figures.putAll(new ImportBenchmark(database, workDir.path()).run(rows, warmupRows, addedRows, seed));
                spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(ordered(figures)));
            }
            return 0;
        }

        private static Map<String, Object> ordered(Map<String, Object> figures) {
            Map<String, Object> ordered = new LinkedHashMap<>();
            for (String key : new String[] {"benchmark", "rows", "accepted", "rejected", "seconds", "rowsPerSecond",
                    "peakHeapMb", "copyBaselineSeconds", "maxHeapMb", "warmupRows", "addedRows", "addedRowsPerSecond",
                    "rejectsByReason"}) {
                ordered.put(key, figures.get(key));
            }
            return ordered;
        }

    }

    /** {@code dialer bench lease}: the dial loop's lease on a campaign of many contacts, and the statements of an attempt. */
    @Command(name = "lease", mixinStandardHelpOptions = true,
            description = "Seed a campaign with contacts by COPY on a fresh embedded PostgreSQL, then time the dial loop's "
                    + "lease of contacts from several leasers at once and count the SQL statements each attempt costs.")
    static final class Lease implements Callable<Integer> {
        @Option(names = "--contacts", defaultValue = "10000000", description = "contacts in the campaign (default ${DEFAULT-VALUE})")
        private int contacts;

        @Option(names = "--leases", defaultValue = "10000", description = "leases timed, over all leasers (default ${DEFAULT-VALUE})")
        private int leases;

        @Option(names = "--warmup-leases", defaultValue = "1000",
                description = "leases run first, untimed, so that the JIT and the caches are warm (default ${DEFAULT-VALUE})")
        private int warmupLeases;

        @Option(names = "--batch", defaultValue = "10",
                description = "each lease asks for 1 to this many contacts, as the dial loop does (default ${DEFAULT-VALUE})")
        private int batch;

        @Option(names = "--leasers", defaultValue = "2",
                description = "dial loops leasing at once, as the nodes of a cluster do (default ${DEFAULT-VALUE})")
        private int leasers;

        @Option(names = "--rate", defaultValue = "300",
                description = "attempts a second over all leasers, which set the pace of their ticks (default ${DEFAULT-VALUE}, "
                        + "the SIP driver's target; 0: lease without pause)")
        private int rate;

        @Option(names = "--seed", defaultValue = "1", description = "random seed of the contacts and of the calls")
        private long seed;

        @Option(names = "--at", defaultValue = "2026-11-24T05:30:00Z",
                description = "the time the leases run at, which decides the open time zones (default ${DEFAULT-VALUE}: "
                        + "a Tuesday: 08:30 in Moscow, before its calling hours, and 09:30 to 17:30 in the zones east of it)")
        private java.time.Instant at;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (contacts < 1 || leases < 1 || warmupLeases < 0 || batch < 1 || leasers < 1 || rate < 0) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--contacts, --leases, --batch and --leasers must be positive, --warmup-leases and --rate not negative");
            }
            try (BenchWorkDir workDir = BenchWorkDir.create("dialer-bench-lease-")) {
                Map<String, Object> figures = new LeaseBenchmark(workDir.database(leasers + 2)).run(
                        new LeaseBenchmark.Settings(contacts, leases, warmupLeases, batch, leasers, rate, seed, at));
                spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(figures));
            }
            return 0;
        }
    }

    /** {@code dialer bench pacing}: one predictive decision for 100 agents, busy and idle, with JMH. */
    @Command(name = "pacing", mixinStandardHelpOptions = true,
            description = "Time one predictive pacing decision for 100 agents, busy and idle (JMH).")
    static final class Pacing implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            java.util.Collection<org.openjdk.jmh.results.RunResult> results = new org.openjdk.jmh.runner.Runner(
                    new org.openjdk.jmh.runner.options.OptionsBuilder()
                            .include(PacingDecisionBenchmark.class.getName())
                            .forks(1).warmupIterations(3).warmupTime(org.openjdk.jmh.runner.options.TimeValue.seconds(2))
                            .measurementIterations(5).measurementTime(org.openjdk.jmh.runner.options.TimeValue.seconds(2))
                            .build()).run();
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("benchmark", "pacing-decision");
            figures.put("agents", 100);
            for (org.openjdk.jmh.results.RunResult result : results) {
                String campaign = result.getParams().getParam("campaign");
                org.openjdk.jmh.util.Statistics statistics = result.getPrimaryResult().getStatistics();
                figures.put(campaign + "Microseconds", Math.round(statistics.getMean() * 100) / 100.0);
                figures.put(campaign + "Error99", Math.round(statistics.getMeanErrorAt(0.99) * 100) / 100.0);
            }
            figures.put("targetMicroseconds", 1000);
            spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(figures));
            return 0;
        }
    }

    /** {@code dialer bench sip}: calls through the SIP driver at a rate, against sipp's own UAC at the same rate. */
    @Command(name = "sip", mixinStandardHelpOptions = true,
            description = "Dial through the SIP driver at a rate against a SIP server that answers (a sipp UAS on loopback), "
                    + "then run sipp's own UAC against it at the same rate (needs sipp: Debian package sip-tester).")
    static final class Sip implements Callable<Integer> {
        @Option(names = "--cps", defaultValue = "300", description = "calls a second offered (default ${DEFAULT-VALUE})")
        private int cps;

        @Option(names = "--seconds", defaultValue = "30", description = "how long calls are offered (default ${DEFAULT-VALUE})")
        private int seconds;

        @Option(names = "--hold", defaultValue = "10", description = "seconds each answered call is held (default ${DEFAULT-VALUE})")
        private int hold;

        @Option(names = "--target", description = "host:port of a SIP server that answers every call, instead of a sipp UAS on loopback")
        private String target;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (cps < 1 || seconds < 1 || hold < 0 || (target != null && !target.matches("[^:]+:[0-9]{1,5}"))) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--cps and --seconds must be positive, --hold not negative, --target host:port");
            }
            try (BenchWorkDir workDir = BenchWorkDir.create("dialer-bench-sip-")) {
                Map<String, Object> figures = new LinkedHashMap<>(Map.of("benchmark", "sip"));
                figures.putAll(new SipBenchmark(workDir.path()).run(cps, seconds, hold, target));
                spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(figures));
                return 0;
            }
        }
    }
}
