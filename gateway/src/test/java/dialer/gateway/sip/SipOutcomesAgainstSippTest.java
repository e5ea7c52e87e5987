package dialer.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dialer.gateway.CallHandle;
import dialer.gateway.CallOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of the outcome table (docs/sip-outcomes.md, {@link SipOutcomes}) produced by a real SIP peer:
 * sipp trunks answer each INVITE with the status (and Q.850 cause) its number asks for, and the driver's
 * call ends with the row's outcome.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SipOutcomesAgainstSippTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Integer[] FALLING_TO_REJECTED = {302, 402, 499, 606};
    private static final Integer[] FALLING_TO_NETWORK_FAILURE = {501, 599};

    private Sipp plain;
    private Sipp q850;
    private Sipp answering;
    private Sipp machine;
    /** The status rows' trunk has a driver to itself: its 503 row would otherwise fail over to the others. */
    private DriverFixture statusFixture;
    private DriverFixture fixture;

    @BeforeAll
    void start() {
        List<Integer> statuses = new ArrayList<>(SipOutcomes.BY_STATUS.keySet());
        statuses.addAll(List.of(FALLING_TO_REJECTED));
        statuses.addAll(List.of(FALLING_TO_NETWORK_FAILURE));
        plain = Sipp.start("status-plain.xml", StatusScenario.of(statuses, false), Sipp.freePort(), SipTransport.UDP);
        q850 = Sipp.start("status-q850.xml", StatusScenario.of(List.of(400), true), Sipp.freePort(), SipTransport.UDP);
        answering = Sipp.serve("answer.xml", Sipp.freePort(), "-d", "100");
        machine = Sipp.serve("answer.xml", Sipp.freePort(), "-d", "100", "-key", "amd", "MACHINE");
        statusFixture = new DriverFixture(SipTrunk.of("plain", Sipp.HOST, plain.port(), 30, 100, 1));
        fixture = new DriverFixture(
                SipTrunk.of("q850", Sipp.HOST, q850.port(), 30, 100, 2),
                SipTrunk.of("answering", Sipp.HOST, answering.port(), 30, 100, 3),
                SipTrunk.of("machine", Sipp.HOST, machine.port(), 30, 100, 4));
    }

    @AfterAll
    void stop() throws InterruptedException {
        statusFixture.close();
        fixture.close();
        for (Sipp sipp : new Sipp[] {plain, q850, answering, machine}) {
            sipp.close();
        }
    }

    static Stream<Arguments> statusRows() {
        return SipOutcomes.BY_STATUS.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(row -> Arguments.of(row.getKey(), row.getValue()));
    }

    static Stream<Arguments> causeRows() {
        return SipOutcomes.BY_Q850_CAUSE.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(row -> Arguments.of(row.getKey(), row.getValue()));
    }

    @ParameterizedTest(name = "SIP {0} from the trunk ends the call as {1}")
    @MethodSource("statusRows")
    void eachStatusRow(int status, CallOutcome outcome) throws InterruptedException {
        CallHandle call = statusFixture.call("plain", String.format("+9%03d000", status));
        Events.Event ended = statusFixture.events.await(call.id(), "ended", WAIT);
        assertThat(ended.what()).isEqualTo("ended " + outcome);
        assertThat(ended.cause()).startsWith("SIP " + status + " Outcome Under Test");
    }

    @ParameterizedTest(name = "Q.850 cause {0} from the trunk ends the call as {1}")
    @MethodSource("causeRows")
    void eachCauseRow(int cause, CallOutcome outcome) throws InterruptedException {
        CallHandle call = fixture.call("q850", String.format("+9400%03d", cause));
        Events.Event ended = fixture.events.await(call.id(), "ended", WAIT);
        assertThat(ended.what()).isEqualTo("ended " + outcome);
        assertThat(ended.cause()).isEqualTo("SIP 400 Outcome Under Test; Q.850 cause " + cause);
    }

    @Test
    void statusesNotInTheTableFallToTheirClass() throws InterruptedException {
        for (int status : FALLING_TO_REJECTED) {
            CallHandle call = statusFixture.call("plain", String.format("+9%03d000", status));
            assertThat(statusFixture.events.await(call.id(), "ended", WAIT).what()).as("SIP %d", status).isEqualTo("ended REJECTED");
        }
        for (int status : FALLING_TO_NETWORK_FAILURE) {
            CallHandle call = statusFixture.call("plain", String.format("+9%03d000", status));
            assertThat(statusFixture.events.await(call.id(), "ended", WAIT).what()).as("SIP %d", status).isEqualTo("ended NETWORK_FAILURE");
        }
    }

    @Test
    void anAnsweredCallEndsAnsweredWhenTheDriverHangsUp() throws InterruptedException {
        CallHandle call = fixture.call("answering", "+79161234567");
        fixture.events.await(call.id(), "answered", WAIT);
        fixture.driver.hangup(call);
        fixture.events.await(call.id(), "ended", WAIT);
        assertThat(fixture.events.of(call.id())).containsExactly("trying answering", "ringing", "answered", "detected UNKNOWN", "ended ANSWERED");
    }

    @Test
    void aMachineTheGatewayDetectedEndsAsMachine() throws InterruptedException {
        CallHandle call = fixture.call("machine", "+79161234567");
        fixture.events.await(call.id(), "detected", WAIT);
        fixture.driver.hangup(call);
        fixture.events.await(call.id(), "ended", WAIT);
        assertThat(fixture.events.of(call.id())).containsExactly("trying machine", "ringing", "answered", "detected MACHINE", "ended MACHINE");
    }
}
