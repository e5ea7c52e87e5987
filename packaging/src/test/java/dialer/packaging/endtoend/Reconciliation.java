package dialer.packaging.endtoend;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The appliance's figures set against what sipp counted and logged on its side: calls and their SIP outcomes,
 * live answers, bridges and abandoned calls, the agents' phones; per number, the outcome of each call; and what
 * follows from it (screen pops, dispositions, contacts' states).
 */
public final class Reconciliation {
    /** The contact's state after each disposition, as docs/engine-api.md gives it. */
    private static final Map<String, String> STATE_AFTER_DISPOSITION = Map.of("sale", "COMPLETED", "not-interested", "COMPLETED",
            "no-decision", "RETRY", "callback", "CALLBACK", "do-not-call", "DNC");
    /** The contact's state after a call that reached no agent, its retries being due a day later (the run's retry rules). */
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
    private final SippCounts customers;
    private final CustomerFates fates;
    private final SippCounts phones;
    private final Map<Long, String> screenPops = new HashMap<>();
    private final Map<Long, String> dispositions = new HashMap<>();

    /**
     * @param customers the counts of the customers' sipp, and {@code fates} what it logged of each call
     * @param phones the counts of the agents' phones' sipp
     */
    public Reconciliation(CampaignRun.Result run, List<AttemptTable.Attempt> attempts, SippCounts customers, CustomerFates fates,
            SippCounts phones) {
        this.run = run;
        this.attempts = attempts;
        this.customers = customers;
        this.fates = fates;
        this.phones = phones;
        run.desktops().forEach(desktop -> {
            screenPops.putAll(desktop.screenPops());
            dispositions.putAll(desktop.dispositions());
        });
    }

    /** Figures that both sides count, the appliance's first. */
    public List<Figure> figures() {
        long bridged = attempts.stream().filter(AttemptTable.Attempt::bridged).count();
        long agents = run.desktops().size();
        return List.of(
                new Figure("calls placed (INVITE)", stat("dials"), customers.received("INVITE", 1)),
                new Figure("  busy (486)", outcomes("BUSY"), customers.sent("486", 1)),
                new Figure("  not a number (404)", outcomes("INVALID_NUMBER"), customers.sent("404", 1)),
                new Figure("  no answer: CANCEL at the ring time (487)", outcomes("NO_ANSWER"), customers.sent("487", 1)),
                new Figure("  answered (200 OK): live answers", stat("liveAnswers"), customers.sent("200", 1)),
                new Figure("    bridged to an agent (re-INVITE)", bridged, customers.received("INVITE", 2)),
                new Figure("    talked, then hung up (BYE from sipp)", outcomes("CONNECTED"), customers.sent("BYE", 1)),
                new Figure("    abandoned (BYE from the appliance)", stat("abandoned"), customers.received("BYE", 1)),
                new Figure("screen pops (call.bridged) / calls talked on", screenPops.size(), fates.count("CONNECTED")),
                new Figure("agents' phones called at login (INVITE)", agents, phones.received("INVITE", 1)),
                new Figure("agents' phones re-INVITEd (customer, then silence)", 2 * bridged, phones.received("INVITE", 2)),
                new Figure("agents' phones hung up at logout (BYE)", agents, phones.received("BYE", 1)));
    }

    /** The appliance's outcomes of the calls to each number, in the order they were placed. */
    public Map<String, List<String>> outcomesByNumber() {
        return attempts.stream().collect(Collectors.groupingBy(AttemptTable.Attempt::phone, TreeMap::new,
                Collectors.mapping(AttemptTable.Attempt::outcome, Collectors.toList())));
    }

    /** What sipp logged of the calls to each number, as the outcomes the appliance must record. */
    public Map<String, List<String>> fatesByNumber() {
        return fates.byNumber();
    }

    /** How many numbers the two sides tell apart: called by one side only, or with other outcomes. */
    public long numbersThatDiffer() {
        Map<String, List<String>> outcomes = outcomesByNumber();
        return outcomes.entrySet().stream().filter(entry -> !entry.getValue().equals(fates.byNumber().get(entry.getKey()))).count()
                + fates.byNumber().keySet().stream().filter(number -> !outcomes.containsKey(number)).count();
    }

    /** The dispositions in the attempts table, by attempt id. */
    public Map<Long, String> tableDispositions() {
        return attempts.stream().filter(attempt -> attempt.disposition() != null)
                .collect(Collectors.toMap(AttemptTable.Attempt::id, AttemptTable.Attempt::disposition));
    }

    /** The dispositions the agents set and the appliance accepted, by attempt id. */
    public Map<Long, String> agentsDispositions() {
        return Map.copyOf(dispositions);
    }

    /** The numbers in the agents' screen pops, sorted, once per call. */
    public List<String> screenPopNumbers() {
        return screenPops.values().stream().sorted().toList();
    }

    /** The numbers sipp talked on with an agent, sorted, once per call. */
    public List<String> numbersTalkedTo() {
        return fates.numbers("CONNECTED");
    }

    /** The campaign's contacts by state, as its stats give them. */
    public Map<String, Long> contactsByState() {
        Map<String, Long> states = new TreeMap<>();
        run.stats().path("contactsByState").fields().forEachRemaining(state -> states.put(state.getKey(), state.getValue().asLong()));
        return states;
    }

    /**
     * The contacts' states that sipp's fates and the agents' dispositions call for: a contact talked to takes the
     * state of the disposition the agent set on the call whose screen pop showed its number.
     */
    public Map<String, Long> expectedContactsByState() {
        Map<String, String> dispositionOfNumber = new HashMap<>();
        screenPops.forEach((attemptId, number) -> dispositionOfNumber.put(number, dispositions.get(attemptId)));
        Map<String, Long> states = new TreeMap<>();
        fates.byNumber().forEach((number, outcomes) -> {
            String last = outcomes.get(outcomes.size() - 1);
            String state = "CONNECTED".equals(last) ? STATE_AFTER_DISPOSITION.get(dispositionOfNumber.get(number))
                    : STATE_AFTER_OUTCOME.get(last);
            states.merge(String.valueOf(state), 1L, Long::sum);
        });
        long neverCalled = run.contacts() - fates.byNumber().size();
        if (neverCalled > 0) {
            states.put("READY", neverCalled);
        }
        return states;
    }

    /** The abandonment rate the appliance reports over 30 days (the whole run). */
    public double abandonRate() {
        return run.stats().path("abandonRate30d").asDouble();
    }

    /** sipp's: calls the appliance hung up after the answer without a bridge, over calls answered. */
    public double sippAbandonRate() {
        long answered = customers.sent("200", 1);
        return answered == 0 ? 0 : (double) customers.received("BYE", 1) / answered;
    }

    /** Messages sipp did not expect, and messages it waited for in vain, on both sides. */
    public long sippAnomalies() {
        return customers.anomalies() + phones.anomalies();
    }

    /** Retransmissions sipp sent or received, on both sides. */
    public long sippRetransmissions() {
        return customers.retransmissions() + phones.retransmissions();
    }

    /** What the agents' desktops saw go wrong. */
    public List<String> desktopProblems() {
        return run.desktops().stream().flatMap(desktop -> desktop.problems().stream()).toList();
    }

    /** The run the figures are of. */
    public CampaignRun.Result run() {
        return run;
    }

    private long stat(String field) {
        return run.stats().path(field).asLong();
    }

    private long outcomes(String outcome) {
        return attempts.stream().filter(attempt -> outcome.equals(attempt.outcome())).count();
    }
}
