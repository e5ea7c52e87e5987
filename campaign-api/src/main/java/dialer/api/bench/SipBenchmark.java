package dialer.api.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dialer.gateway.AgentLeg;
import dialer.gateway.AnswerKind;
import dialer.gateway.CallHandle;
import dialer.gateway.CallListener;
import dialer.gateway.CallOutcome;
import dialer.gateway.OriginateRequest;
import dialer.gateway.sip.LoopbackPorts;
import dialer.gateway.sip.SipGatewayDriver;
import dialer.gateway.sip.SipSettings;
import dialer.gateway.sip.SipTrunk;

/**
 * Dials through the real SIP driver at a set rate for a set time against a SIP server that answers every
 * call (a sipp UAS on loopback, or {@code target}), holds each answered call, and hangs it up; then runs
 * sipp's own UAC against the same server at the same rate, the physical limit the driver is compared with.
 */
final class SipBenchmark {
    private final Path workDir;

    SipBenchmark(Path workDir) {
        this.workDir = workDir;
    }

    Map<String, Object> run(int cps, int seconds, int holdSeconds, String target) throws Exception {
        SippProcess localUas = null;
        String server = target;
        if (server == null) {
            int port = LoopbackPorts.freeForUdpAndTcp();
            localUas = SippProcess.uas(workDir, port);
            server = SippProcess.HOST + ":" + port;
        }
        try {
            Map<String, Object> figures = new LinkedHashMap<>(dial(server, cps, seconds, holdSeconds));
            figures.put("sippBaselineCps", baseline(server, cps, seconds, holdSeconds));
            return figures;
        } finally {
            if (localUas != null) {
                localUas.close();
            }
        }
    }

    private Map<String, Object> dial(String server, int cps, int seconds, int holdSeconds) throws Exception {
        String[] hostPort = server.split(":");
        int calls = cps * seconds;
        SipTrunk trunk = SipTrunk.of("bench", hostPort[0], Integer.parseInt(hostPort[1]), calls + 1, 10 * cps, 1);
        SipSettings settings = new SipSettings(SippProcess.HOST, LoopbackPorts.freeForUdpAndTcp(), LoopbackPorts.freeForUdpAndTcp(), Duration.ofSeconds(30), Duration.ofSeconds(5),
                workDir, List.of(trunk));
        Load load = new Load(calls, holdSeconds);
        try (SipGatewayDriver driver = new SipGatewayDriver(settings)) {
            driver.start();
            load.driver = driver;
            long periodNanos = TimeUnit.SECONDS.toNanos(1) / cps;
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                long wait = start + i * periodNanos - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                load.sentNanos[i] = System.nanoTime();
                driver.originate(new OriginateRequest("bench", "+7916" + String.format("%07d", i), "+74950000000",
                        OriginateRequest.MIN_RING_TIMEOUT, Integer.toString(i)), load);
            }
            load.awaitEnded(Duration.ofSeconds(holdSeconds + 60));
            load.hangups.shutdownNow();
            return load.figures(cps, calls);
        }
    }

    private double baseline(String server, int cps, int seconds, int holdSeconds) throws Exception {
        int calls = cps * seconds;
        try (SippProcess uac = SippProcess.uac(workDir, server, LoopbackPorts.freeForUdpAndTcp(), cps, calls, holdSeconds * 1000L)) {
            uac.await(seconds + holdSeconds + 120L);
            List<String> lines = Files.readAllLines(workDir.resolve("uac-stats.csv"));
            List<String> header = Arrays.asList(lines.get(0).split(";"));
            int created = header.indexOf("TotalCallCreated");
            int elapsed = header.indexOf("ElapsedTime(C)");
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split(";");
                if (Integer.parseInt(fields[created]) >= calls) {
                    return Math.round(calls / seconds(fields[elapsed]) * 10) / 10.0;
                }
            }
            throw new IOException("sipp's UAC did not create its " + calls + " calls; see " + uac.directory());
        }
    }

    /** sipp's elapsed time, {@code HH:MM:SS:mmmuuu} or {@code HH:MM:SS}. */
    private static double seconds(String elapsed) {
        String[] parts = elapsed.split(":");
        double value = Integer.parseInt(parts[0]) * 3600 + Integer.parseInt(parts[1]) * 60 + Integer.parseInt(parts[2]);
        return parts.length > 3 ? value + Integer.parseInt(parts[3]) / 1e6 : value;
    }

    /** The calls under way: hangs each up after the hold, and keeps the figures. */
    private static final class Load implements CallListener {
        final long[] sentNanos;
        final long[] answerMicros;
        final AtomicInteger held = new AtomicInteger();
        final AtomicInteger peakHeld = new AtomicInteger();
        final AtomicLong firstTryingNanos = new AtomicLong();
        final AtomicLong lastTryingNanos = new AtomicLong();
        final Map<CallOutcome, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        final ScheduledExecutorService hangups = Executors.newSingleThreadScheduledExecutor();
        final int holdSeconds;
        final AtomicInteger ended = new AtomicInteger();
        volatile SipGatewayDriver driver;

        Load(int calls, int holdSeconds) {
            this.sentNanos = new long[calls];
            this.answerMicros = new long[calls];
            this.holdSeconds = holdSeconds;
            Arrays.fill(answerMicros, -1);
        }

        @Override
        public void trying(CallHandle call, String trunk) {
            long now = System.nanoTime();
            firstTryingNanos.compareAndSet(0, now);
            lastTryingNanos.set(now);
        }

        @Override
        public void ringing(CallHandle call) {
        }

        @Override
        public void answered(CallHandle call) {
            int index = Integer.parseInt(call.request().reference());
            answerMicros[index] = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sentNanos[index]);
            peakHeld.accumulateAndGet(held.incrementAndGet(), Math::max);
            hangups.schedule(() -> driver.hangup(call), holdSeconds, TimeUnit.SECONDS);
        }

        @Override
        public void detected(CallHandle call, AnswerKind kind) {
        }

        @Override
        public void bridged(CallHandle call, AgentLeg agent) {
        }

        @Override
        public void bridgeFailed(CallHandle call, AgentLeg agent, String rawCause) {
        }

        @Override
        public void ended(CallHandle call, CallOutcome outcome, String rawCause) {
            outcomes.computeIfAbsent(outcome, key -> new AtomicInteger()).incrementAndGet();
            if (answerMicros[Integer.parseInt(call.request().reference())] >= 0) {
                held.decrementAndGet();
            }
            ended.incrementAndGet();
        }

        void awaitEnded(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (ended.get() < sentNanos.length && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }

        /** The figures; the achieved rate is that of the answered calls over the time the INVITEs took to go out. */
        Map<String, Object> figures(int cps, int calls) {
            long[] latencies = Arrays.stream(answerMicros).filter(micros -> micros >= 0).sorted().toArray();
            int failed = calls - outcomes.getOrDefault(CallOutcome.ANSWERED, new AtomicInteger()).get();
            double sendingSeconds = (lastTryingNanos.get() - firstTryingNanos.get()) / 1e9 + 1.0 / cps;
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("offeredCps", cps);
            figures.put("achievedCps", Math.round((calls - failed) / sendingSeconds * 10) / 10.0);
            figures.put("peakConcurrent", peakHeld.get());
            figures.put("failed", failed);
            figures.put("inviteTo200P50Ms", percentileMillis(latencies, 0.50));
            figures.put("inviteTo200P99Ms", percentileMillis(latencies, 0.99));
            figures.put("calls", calls);
            Map<String, Integer> byOutcome = new TreeMap<>();
            outcomes.forEach((outcome, count) -> byOutcome.put(outcome.name().toLowerCase(Locale.ROOT), count.get()));
            figures.put("outcomes", byOutcome);
            return figures;
        }

        private static double percentileMillis(long[] sortedMicros, double quantile) {
            if (sortedMicros.length == 0) {
                return Double.NaN;
            }
            return Math.round(sortedMicros[(int) Math.min(sortedMicros.length - 1, Math.ceil(quantile * sortedMicros.length) - 1)] / 100.0) / 10.0;
        }
    }
}
