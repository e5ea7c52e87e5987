package dialer.pacing.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AbandonmentMeterTest {

    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration THIRTY_DAYS = Duration.ofDays(30);
    /** Midnight UTC: the start of a bucket for both windows. */
    private static final Instant START = Instant.parse("2025-03-01T00:00:00Z");

    @Test
    void bucketsAreAFourteenHundredFortiethOfTheWindow() {
        assertThat(new AbandonmentMeter(DAY).bucketWidth()).isEqualTo(Duration.ofMinutes(1));
        assertThat(new AbandonmentMeter(DAY).bucketCount()).isEqualTo(1440);
        assertThat(new AbandonmentMeter(THIRTY_DAYS).bucketWidth()).isEqualTo(Duration.ofMinutes(30));
        assertThat(new AbandonmentMeter(THIRTY_DAYS).bucketCount()).isEqualTo(1440);
    }

    @Test
    void theRateIsZeroWithoutLiveAnswers() {
        AbandonmentMeter meter = new AbandonmentMeter(DAY);

        assertThat(meter.rate(START)).isZero();
        assertThat(meter.liveAnswers(START)).isZero();
    }

    @Test
    void countsTheLiveAnswersOfTheLast24Hours() {
        AbandonmentMeter meter = new AbandonmentMeter(DAY);
        for (int answer = 0; answer < 40; answer++) {
            meter.recordLiveAnswer(START.plusSeconds(answer), answer % 10 == 0);
        }

        Instant almostADayLater = START.plus(DAY).minusMillis(1);
        assertThat(meter.liveAnswers(almostADayLater)).isEqualTo(40);
        assertThat(meter.abandoned(almostADayLater)).isEqualTo(4);
        assertThat(meter.rate(almostADayLater)).isCloseTo(0.1, within(1e-12));

        Instant aDayAfterTheLast = START.plusSeconds(39).plus(DAY);
        assertThat(meter.liveAnswers(aDayAfterTheLast)).isZero();
        assertThat(meter.rate(aDayAfterTheLast)).isZero();
    }

    @Test
    void forgetsAnAnswerAtMostOneBucketEarly() {
        AbandonmentMeter meter = new AbandonmentMeter(DAY);
        Instant atTheEndOfABucket = START.plus(Duration.ofMinutes(1)).minusMillis(1);
        meter.recordLiveAnswer(atTheEndOfABucket, true);

        Instant oneBucketBeforeTheWindowEnds = atTheEndOfABucket.plus(DAY).minus(meter.bucketWidth());
        assertThat(meter.abandoned(oneBucketBeforeTheWindowEnds)).isEqualTo(1);
        assertThat(meter.abandoned(oneBucketBeforeTheWindowEnds.plusMillis(1))).isZero();
    }

    @Test
    void countsOnlyTheAnswersOfTheWindowEndingAtNow() {
        AbandonmentMeter meter = new AbandonmentMeter(THIRTY_DAYS);
        meter.recordLiveAnswer(START, true);
        meter.recordLiveAnswer(START.plus(Duration.ofDays(20)), false);
        meter.recordLiveAnswer(START.plus(Duration.ofDays(20)), false);

        assertThat(meter.liveAnswers(START.plus(Duration.ofDays(10)))).isEqualTo(1);
        assertThat(meter.rate(START.plus(Duration.ofDays(29)))).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(meter.liveAnswers(START.plus(Duration.ofDays(31)))).isEqualTo(2);
        assertThat(meter.rate(START.plus(Duration.ofDays(31)))).isZero();
        assertThat(meter.liveAnswers(START.plus(Duration.ofDays(51)))).isZero();
    }

    @Test
    void acceptsAnswersOutOfOrderAndDropsThoseAWindowOlderThanTheNewest() {
        AbandonmentMeter meter = new AbandonmentMeter(DAY);
        meter.recordLiveAnswer(START.plus(Duration.ofHours(30)), false);

        meter.recordLiveAnswer(START.plus(Duration.ofHours(29)), true);
        meter.recordLiveAnswer(START.plus(Duration.ofHours(6)), true);

        Instant now = START.plus(Duration.ofHours(30));
        assertThat(meter.liveAnswers(now)).isEqualTo(2);
        assertThat(meter.abandoned(now)).isEqualTo(1);
        assertThat(meter.liveAnswers(START.plus(Duration.ofHours(7)))).isZero();
    }

    /**
     * 60 days of one live answer a second, every 50th abandoned. The buckets stay fixed, and the
     * window ending at the last answer holds exactly its 1440 whole buckets of answers.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 30})
    void memoryStaysBoundedUnderSixtyDaysOfTraffic(int windowDays) {
        Duration window = Duration.ofDays(windowDays);
        AbandonmentMeter meter = new AbandonmentMeter(window);
        int seconds = 60 * 86_400;
        for (int second = 0; second < seconds; second++) {
            meter.recordLiveAnswer(START.plusSeconds(second), second % 50 == 0);
        }

        Instant lastAnswer = START.plusSeconds(seconds - 1);
        assertThat(meter.bucketCount()).isEqualTo(1440);
        assertThat(meter.liveAnswers(lastAnswer)).isEqualTo(window.toSeconds());
        assertThat(meter.abandoned(lastAnswer)).isEqualTo(window.toSeconds() / 50);
        assertThat(meter.rate(lastAnswer)).isCloseTo(0.02, within(1e-12));
    }

    @Test
    void rejectsCallerBugs() {
        assertThatThrownBy(() -> new AbandonmentMeter(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AbandonmentMeter(Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AbandonmentMeter(Duration.ofNanos(999_999)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
