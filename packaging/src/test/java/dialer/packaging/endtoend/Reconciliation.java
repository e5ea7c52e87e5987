package dialer.packaging.endtoend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The appliance's figures set against what sipp counted on its side: calls and their SIP outcomes, live
 * answers, bridges and abandoned calls, the agents' phones; per number, the outcome of each call; and what
 * follows from it (screen pops, dispositions, contacts' states).
 */
public final class Reconciliation {
    /** What the customers' scenario logs at the end of each call, and the outcome the appliance must record for it. */
    static final Map<String, String> OUTCOME_OF_FATE = Map.of("busy", "BUSY", "invalid", "INVALID_NUMBER",
            "no-answer", "NO_ANSWER", "talked", "CONNECTED", "abandoned", "ABANDONED");
    /** The contact's state after each disposition, as docs/engine-api.md gives it. */
    private static final Map<String, String> STATE_AFTER_DISPOSITION = Map.of("sale", "COMPLETED", "not-interested", "COMPLETED",
            "no-decision", "RETRY", "callback", "CALLBACK", "do-not-call", "DNC");
    /** The contact's state after a call that reached no agent, with retries a day later (the scenario's retry rules). */
    private static final Map<String, String> STATE_AFTER_OUTCOME = Map.of("BUSY", "RETRY", "NO_ANSWER", "RETRY",
            "ABANDONED", "RETRY", "INVALID_NUMBER", "FAILED");

    /** One figure counted on both sides. */
    public record Figure(String what, long appliance, long sipp) {
        public boolean agrees() {
            return appliance == sipp;
        }
    }

    private final CampaignRun.Result run;
    private final List<AttemptTable.Attempt> attempts;
    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, List<String>> outcomesByNumber;
    private final Map<String, List<String>> fatesByNumber;
    private final Map<Long, String> agentsDispositions = new HashMap<>();
    private final long sippAnomalies;
    private final long sippRetransmissions;

    private Reconciliation(CampaignRun.Result run, List<AttemptTable.Attempt> attempts, SippCounts customers, List<String> fates,
            SippCounts phones) {
        this.run = run;
        this.attempts = attempts;
        run.desktops().forEach(desktop -> agentsDispositions.putAll(desktop.dispositions()));
        outcomesByNumber = attempts.stream().collect(Collectors.groupingBy(AttemptTable.Attempt::phone, TreeMap::new,
                Collectors.mapping(AttemptTable.Attempt::outcome, Collectors.toList())));
        fatesByNumber = fates.stream().map(line -> line.split(" ", 2)).collect(Collectors.groupingBy(words -> words[0], TreeMap::new,
                Collectors.mapping(words -> OUTCOME_OF_FATE.getOrDefault(words[1], words[1]), Collectors.toList())));
        JsonNode stats = run.stats();
        long bridged = count(AttemptTable.Attempt::bridged);
        long agents = run.desktops().size();
        figures.add(new Figure("calls placed (INVITE)", stats.path("dials").asLong(), customers.received("INVITE", 1)));
        figures.add(new Figure("  busy (486)", outcome("BUSY"), customers.sent("486", 1)));
        figures.add(new Figure("  not a number (404)", outcome("INVALID_NUMBER"), customers.sent("404", 1)));
        figures.add(new Figure("  no answer: CANCEL at the ring time (487)", outcome("NO_ANSWER"), customers.sent("487", 1)));
        figures.add(new Figure("  answered (200 OK): live answers", stats.path("liveAnswers").asLong(), customers.sent("200", 1)));
        figures.add(new Figure("    bridged to an agent (re-INVITE)", bridged, customers.received("INVITE", 2)));
        figures.add(new Figure("    talked, then hung up (BYE from sipp)", outcome("CONNECTED"), customers.sent("BYE", 1)));
        figures.add(new Figure("    abandoned (BYE from the appliance)", stats.path("abandoned").asLong(), customers.received("BYE", 1)));
        figures.add(new Figure("screen pops of calls bridged (call.bridged)", screenPops().size(), fates("CONNECTED")));
        figures.add(new Figure("agents' phones called at login (INVITE)", agents, phones.received("INVITE", 1)));
        figures.add(new Figure("agents' phones re-INVITEd (customer, then silence)", 2 * bridged, phones.received("INVITE", 2)));
        figures.add(new Figure("agents' phones hung up at logout (BYE)", agents, phones.received("BYE", 1)));
        sippAnomalies = customers.anomalies() + phones.anomalies();
        sippRetransmissions = customers.retransmissions() + phones.retransmissions();
        sippAbandoned = customers.received("BYE", 1);
        sippAnswered = customers.sent("200", 1);
    }

    private final long sippAbandoned;
    private final long sippAnswered;

    /** Sets the run's figures against sipp's: the customers' counts and logged fates, the agents' phones' counts. */
    public static Reconciliation of(CampaignRun.Result run, List<AttemptTable.Attempt> attempts, SippCounts customers,
            List<String> fates, SippCounts phones) {
        return new Reconciliation(run, attempts, customers, fates, phones);
    }

    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    /** The appliance's outcomes of the calls to each number, in order. */
    public Map<String, List<String>> outcomesByNumber() {
        return outcomesByNumber;
    }

    /** What sipp logged of the calls to each number, as the outcomes the appliance must record. */
    public Map<String, List<String>> fatesByNumber() {
        return fatesByNumber;
    }

    /** The dispositions in the attempts table, by attempt id. */
    public Map<Long, String> tableDispositions() {
        return attempts.stream().filter(attempt -> attempt.disposition() != null)
                .collect(Collectors.toMap(AttemptTable.Attempt::id, AttemptTable.Attempt::disposition));
    }

    /** The dispositions the agents set and the appliance accepted, by attempt id. */
    public Map<Long, String> agentsDispositions() {
        return Map.copyOf(agentsDispositions);
    }

    /** The numbers of the calls bridged to agents, from their screen pops, sorted. */
    public List<String> screenPops() {
        return run.desktops().stream().flatMap(desktop -> desktop.screenPops().stream()).sorted().toList();
    }

    /** The numbers sipp talked on, sorted. */
    public List<String> numbersTalkedTo() {
        return fatesByNumber.entrySet().stream().flatMap(entry -> entry.getValue().stream().filter("CONNECTED"::equals)
                .map(outcome -> entry.getKey())).sorted().toList();
    }

    /** The campaign's contacts by state, as its stats give them. */
    public Map<String, Long> contactsByState() {
        Map<String, Long> states = new TreeMap<>();
        run.stats().path("contactsByState").fields().forEachRemaining(state -> states.put(state.getKey(), state.getValue().asLong()));
        return states;
    }

    /** The contacts' states that sipp's fates and the agents' dispositions call for. */
    public Map<String, Long> expectedContactsByState() {
        Map<String, String> phoneOfAttempt = new HashMap<>();
        attempts.forEach(attempt -> phoneOfAttempt.put(Long.toString(attempt.id()), attempt.phone()));
        Map<String, String> dispositionOfPhone = new HashMap<>();
        agentsDispositions.forEach((attemptId, code) -> dispositionOfPhone.put(phoneOfAttempt.get(Long.toString(attemptId)), code));
        Map<String, Long> states = new TreeMap<>();
        fatesByNumber.forEach((phone, outcomes) -> {
            String last = outcomes.get(outcomes.size() - 1);
            String state = "CONNECTED".equals(last) ? STATE_AFTER_DISPOSITION.get(dispositionOfPhone.get(phone)) : STATE_AFTER_OUTCOME.get(last);
            states.merge(String.valueOf(state), 1L, Long::sum);
        });
        long neverCalled = run.contacts() - fatesByNumber.size();
        if (neverCalled > 0) {
            states.put("READY", neverCalled);
        }
        return states;
    }

    /** The abandonment rate the appliance reports (30 days, which the whole run is in). */
    public double abandonRate() {
        return run.stats().path("abandonRate30d").asDouble();
    }

    /** sipp's: calls the appliance hung up after the answer, without a bridge, over calls answered. */
    public double sippAbandonRate() {
        return sippAnswered == 0 ? 0 : (double) sippAbandoned / sippAnswered;
    }

    /** Messages sipp did not expect, and messages it waited for in vain, on both sides. */
    public long sippAnomalies() {
        return sippAnomalies;
    }

    /** What the agents' desktops saw go wrong. */
    public List<String> desktopProblems() {
        return run.desktops().stream().flatMap(desktop -> desktop.problems().stream()).toList();
    }

    private long outcome(String outcome) {
        return count(attempt -> outcome.equals(attempt.outcome()));
    }

    private long count(Predicate<AttemptTable.Attempt> which) {
        return attempts.stream().filter(which).count();
    }

    private long fates(String outcome) {
        return fatesByNumber.values().stream().flatMap(List::stream).filter(outcome::equals).count();
    }

    /** The figures side by side, for a person to read. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "End to end on real SIP: campaign %d (predictive), %d contacts, %d agents%n",
                run.campaignId(), run.contacts(), run.desktops().size()));
        text.append(String.format(Locale.ROOT, "dialled for %d s; at most %d calls in flight; pacing ratio up to %.2f lines per agent%n%n",
                run.dialling().toSeconds(), run.maxCallsInFlight(), run.maxPacingRatio()));
        text.append(String.format(Locale.ROOT, "%-52s %10s %10s%n", "", "appliance", "sipp"));
        for (Figure figure : figures) {
            text.append(String.format(Locale.ROOT, "%-52s %10d %10d%s%n", figure.what(), figure.appliance(), figure.sipp(),
                    figure.agrees() ? "" : "   <- differs"));
        }
        text.append(String.format(Locale.ROOT, "%-52s %9.2f%% %9.2f%%%n%n", "abandonment rate (abandoned / live answers)",
                100 * abandonRate(), 100 * sippAbandonRate()));
        long differing = fatesByNumber.entrySet().stream().filter(entry -> !entry.getValue().equals(outcomesByNumber.get(entry.getKey()))).count()
                + outcomesByNumber.keySet().stream().filter(number -> !fatesByNumber.containsKey(number)).count();
        text.append(String.format(Locale.ROOT, "numbers whose outcome differs from what sipp did: %d of %d%n", differing, outcomesByNumber.size()));
        text.append("dispositions set by the agents: ").append(byCount(agentsDispositions.values()))
                .append(tableDispositions().equals(agentsDispositions) ? " (the attempts table agrees)" : " (the attempts table differs)")
                .append('\n');
        text.append("contacts by state: ").append(contactsByState()).append(", expected from sipp and the agents: ")
                .append(expectedContactsByState()).append('\n');
        text.append(String.format(Locale.ROOT, "sipp: %d unexpected messages or timeouts, %d retransmissions; desktops: %d problems%n",
                sippAnomalies, sippRetransmissions, desktopProblems().size()));
        return text.toString();
    }

    private static Map<String, Long> byCount(java.util.Collection<String> codes) {
        return codes.stream().collect(Collectors.groupingBy(code -> code, TreeMap::new, Collectors.counting()));
    }
}
