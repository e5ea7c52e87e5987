package dialer.pacing;

/**
 * Decides how many calls to launch now for one campaign. The dial loop asks it on every tick with what it
 * sees; a strategy may keep what it needs of earlier ticks (it is used by one thread).
 */
public interface PacingStrategy {
    /** The mode's name, as campaigns and reports write it ({@code progressive}, {@code predictive}...). */
    String name();

    /** How many new calls to dial now, zero or more, given the campaign's agents, calls and statistics now. */
    int callsToLaunch(PacingSnapshot snapshot);
}
