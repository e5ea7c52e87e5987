package dialer.packaging.endtoend;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The figures of a run side by side, as a person reads them at the end of it. */
public final class Summary {
    private Summary() {
    }

    /** The text: the run, then each figure on both sides, then what follows from them. */
    public static String of(Reconciliation figures) {
        CampaignRun.Result run = figures.run();
        StringBuilder text = new StringBuilder();
        text.append(line("End to end on real SIP: campaign %d (predictive), %d contacts, %d agents", run.campaignId(), run.contacts(),
                run.desktops().size()));
        text.append(line("dialled for %d s; at most %d calls in flight; pacing ratio up to %.2f lines per agent ready or on a call%n",
                run.dialling().toSeconds(), run.maxCallsInFlight(), run.maxPacingRatio()));
        text.append(line("%-52s %10s %10s", "", "appliance", "sipp"));
        for (Reconciliation.Figure figure : figures.figures()) {
            text.append(line("%-52s %10d %10d%s", figure.what(), figure.appliance(), figure.sipp(), figure.agrees() ? "" : "   <- differs"));
        }
        text.append(line("%-52s %9.2f%% %9.2f%%%n", "abandonment rate (abandoned / live answers)", 100 * figures.abandonRate(),
                100 * figures.sippAbandonRate()));
        text.append(line("numbers whose outcomes differ from what sipp did: %d of %d", figures.numbersThatDiffer(),
                figures.fatesByNumber().size()));
        Map<String, Long> codes = figures.agentsDispositions().values().stream()
                .collect(Collectors.groupingBy(code -> code, TreeMap::new, Collectors.counting()));
        text.append(line("dispositions the agents set: %s; in the attempts table: %s", codes,
                figures.tableDispositions().equals(figures.agentsDispositions()) ? "the same" : "others"));
        text.append(line("contacts by state: %s; expected from sipp and the agents: %s", figures.contactsByState(),
                figures.contactsByState().equals(figures.expectedContactsByState()) ? "the same" : figures.expectedContactsByState()));
        text.append(line("sipp: %d unexpected messages or timeouts, %d retransmissions; the agents' desktops: %d problems",
                figures.sippAnomalies(), figures.sippRetransmissions(), figures.desktopProblems().size()));
        return text.toString();
    }

    private static String line(String format, Object... values) {
        return String.format(Locale.ROOT, format + "%n", values);
    }
}
