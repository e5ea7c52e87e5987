package dialer.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dialer.gateway.sip.LoopbackPorts;
import dialer.packaging.endtoend.ApplianceApi;
import dialer.packaging.endtoend.AttemptTable;
import dialer.packaging.endtoend.CampaignRun;
import dialer.packaging.endtoend.CustomerFates;
import dialer.packaging.endtoend.Reconciliation;
import dialer.packaging.endtoend.SipApplianceConfig;
import dialer.packaging.endtoend.SippCounts;
import dialer.packaging.endtoend.SippPeer;
import dialer.packaging.endtoend.Summary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole product on real SIP: {@code java -jar dialer.jar serve} on its embedded database, dialling a
 * predictive campaign through a trunk to a sipp that plays the customers (busy, not a number, no answer,
 * answers after a random ring, hangs up after a random talk), bridging the answers to agents whose phones are
 * a sipp that answers and takes re-INVITEs, the agents setting dispositions over the API. At the end the
 * appliance's attempts, outcomes, abandonment, stats and the contacts' states must agree with what sipp
 * counted and logged. The figures are printed, and written to {@code target/end-to-end/summary.txt} beside the
 * appliance's log. {@code -Dendtoend.contacts=N -Dendtoend.agents=N} scale it; {@code scripts/end-to-end.sh}
 * runs it alone.
 */
class EndToEndSipIT {
    private static final Path OUTPUT = Path.of("target", "end-to-end");
    private static final int CONTACTS = Integer.getInteger("endtoend.contacts", 160);
    private static final int AGENTS = Integer.getInteger("endtoend.agents", 10);
    private static final ApplianceApi.User ADMIN = new ApplianceApi.User("admin", "end-to-end-admin");

    @Test
    void aPredictiveCampaignOnRealSipAgreesWithWhatSippCounted(@TempDir Path dir) throws Exception {
        Files.createDirectories(OUTPUT);
        Files.deleteIfExists(OUTPUT.resolve("summary.txt"));
        try (SippPeer customers = SippPeer.start("customers", dir, LoopbackPorts.freeForUdpAndTcp());
                SippPeer phones = SippPeer.start("agent-phones", dir, LoopbackPorts.freeForUdpAndTcp())) {
            SipApplianceConfig config = SipApplianceConfig.onFreePorts(dir.resolve("data"), customers.port());
            Path file = config.write(dir.resolve("dialer.yaml"));
            ApplianceProcess appliance = ApplianceProcess.start(dir, Map.of("DIALER_ADMIN_PASSWORD", ADMIN.password(),
                    "DIALER_HTTP_PORT", Integer.toString(config.httpPort())), "serve", "--config", file.toString());
            CampaignRun.Result run;
            List<AttemptTable.Attempt> attempts;
            try {
                appliance.awaitHealthy(Duration.ofSeconds(60));
                run = new CampaignRun(new ApplianceApi(config.httpPort()), ADMIN, LoopbackPorts.HOST + ":" + phones.port())
                        .run(CONTACTS, AGENTS, Duration.ofSeconds(120 + CONTACTS));
                attempts = AttemptTable.read(config, run.campaignId());
            } finally {
                appliance.close();
                Files.writeString(OUTPUT.resolve("appliance.log"), appliance.output());
            }
            SippCounts customerCounts = customers.awaitQuiet(Duration.ofMillis(1500), Duration.ofSeconds(30));
            SippCounts phoneCounts = phones.awaitQuiet(Duration.ofMillis(1500), Duration.ofSeconds(30));
            Reconciliation figures = new Reconciliation(run, attempts, customerCounts, CustomerFates.of(customers.loggedLines()),
                    phoneCounts);
            String summary = Summary.of(figures);
            Files.writeString(OUTPUT.resolve("summary.txt"), summary);
            System.out.println(summary);

            assertThat(attempts).as("the attempts table holds every dial").hasSize((int) run.stats().path("dials").asLong());
            assertThat(figures.figures()).as("figures both sides counted:%n%s", summary).allMatch(Reconciliation.Figure::agrees);
            assertThat(figures.outcomesByNumber()).as("each number's outcomes").isEqualTo(figures.fatesByNumber());
            assertThat(figures.abandonRate()).as("abandonment rate").isCloseTo(figures.sippAbandonRate(), within(1e-9));
            assertThat(figures.screenPopNumbers()).as("screen pops").isEqualTo(figures.numbersTalkedTo());
            assertThat(figures.tableDispositions()).as("dispositions").isEqualTo(figures.agentsDispositions());
            assertThat(figures.contactsByState()).as("contacts by state").isEqualTo(figures.expectedContactsByState());
            assertThat(figures.sippAnomalies()).as("sipp's unexpected messages and timeouts").isZero();
            assertThat(figures.desktopProblems()).as("what the agents' desktops saw go wrong").isEmpty();
        }
    }
}
