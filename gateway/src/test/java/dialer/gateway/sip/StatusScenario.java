package dialer.gateway.sip;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * A sipp scenario for a trunk that ends each call with the final status its dialled number asks for
 * ({@code +9SSSCCC}: status SSS, Q.850 cause CCC), optionally in a {@code Reason} header. sipp will not
 * take a variable as a status code, so the scenario has a branch for each status it may be asked for.
 */
final class StatusScenario {
    private StatusScenario() {
    }

    static String of(Collection<Integer> statuses, boolean withReason) {
        String tests = statuses.stream().map(status -> """
                      <test assign_to="is%1$d" variable="asked" compare="equal" value="%1$d"/>
                """.formatted(status)).collect(Collectors.joining());
        String jumps = statuses.stream().map(status -> """
                  <nop test="is%1$d" next="s%1$d"/>
                """.formatted(status)).collect(Collectors.joining());
        String answers = statuses.stream().map(status -> """
                  <label id="s%1$d"/>
                  <send next="ack"><![CDATA[
                SIP/2.0 %1$d Outcome Under Test
                [last_Via:]
                [last_From:]
                [last_To:];tag=[pid]SIPpTag01[call_number]
                [last_Call-ID:]
                [last_CSeq:]
                X-Asked: [$whole]
                %2$sContent-Length: 0

                ]]></send>
                """.formatted(status, withReason ? "Reason: Q.850;cause=[$cause];text=\"from the test\"\n" : "X-Asked: [$whole] [$cause]\n"))
                .collect(Collectors.joining());
        return """
                <?xml version="1.0" encoding="ISO-8859-1" ?>
                <scenario name="status">
                  <recv request="INVITE" crlf="true">
                    <action>
                      <ereg regexp="INVITE sip:\\+?9([0-9]{3})([0-9]{3})@" search_in="msg" check_it="true" assign_to="whole,status,cause"/>
                      <todouble assign_to="asked" variable="status"/>
                %s    </action>
                  </recv>
                  <send><![CDATA[
                SIP/2.0 100 Trying
                [last_Via:]
                [last_From:]
                [last_To:]
                [last_Call-ID:]
                [last_CSeq:]
                Content-Length: 0

                ]]></send>
                %s%s  <label id="ack"/>
                  <recv request="ACK"/>
                </scenario>
                """.formatted(tests, jumps, answers);
    }
}
