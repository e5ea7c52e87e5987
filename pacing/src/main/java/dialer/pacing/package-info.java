/**
 * Predictive pacing: estimators, pacing strategies and the call-centre simulator.
 *
 * <p>Pure computation from immutable snapshots; this module depends on commons-math3 only and does
 * no I/O. It knows nothing of campaigns, contacts or SQL.
 */
package dialer.pacing;
