/**
 * Online estimators the pacing model reads: the probability that a dial reaches a live person
 * ({@link dialer.pacing.estimate.AnswerRateEstimator}), the distributions of time to answer and of
 * handle time ({@link dialer.pacing.estimate.DurationEstimator}, whose snapshots are
 * {@link dialer.pacing.estimate.LogNormalDuration}s) and the abandonment rate over a regulatory
 * window ({@link dialer.pacing.estimate.AbandonmentMeter}).
 *
 * <p>The estimators are cheap to update, take the time as an argument instead of reading a clock,
 * and are confined to the thread that owns the campaign: none of them is thread-safe. The value
 * objects they hand out are immutable.
 */
package dialer.pacing.estimate;
