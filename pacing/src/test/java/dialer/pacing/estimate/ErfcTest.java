package dialer.pacing.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

class ErfcTest {
    /** Within 1e-5 percent (1e-7 relative) of commons-math3's erfc from -6 to 26, far into both tails. */
    @Test
    void agreesWithCommonsMathToSevenDigitsIncludingTheTails() {
        for (double x = -6; x <= 26; x += 0.001) {
            assertThat(Erfc.value(x)).as("erfc(%f)", x).isCloseTo(Erf.erfc(x), withinPercentage(1.2e-5));
        }
    }
}
