package dialer.pacing.simulation;

/**
 * What one dial will meet: its outcome, when the line answers or gives up (seconds after the dial), and,
 * for a live answer, how long the talk lasts.
 */
record DialledCall(Outcome outcome, double secondsToResult, double talkSeconds) {
    /** How a dial ends. */
    enum Outcome { LIVE, MACHINE, BUSY, NO_ANSWER }
}
