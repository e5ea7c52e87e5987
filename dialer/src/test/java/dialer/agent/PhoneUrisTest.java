package dialer.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dialer.validation.FieldError;
import dialer.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneUrisTest {
    @ParameterizedTest
    @ValueSource(strings = {"sip:1001@192.0.2.10", "sip:agent7@pbx.example.com:5060", "sips:7@pbx.example.com;transport=tls",
            "sip:1001@10.0.0.5:5062;transport=tcp;lr", "sip:[2001:db8::1]:5060", "sip:desk-12.local", "sip:a%20b@pbx",
            "sip:1001:secret@pbx"})
    void takesSipUris(String uri) {
        assertThat(PhoneUris.check("phoneUri", uri)).isEqualTo(uri);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "1001", "sip:", "sip:1001@", "sip:@pbx", "sip:10 01@pbx", "sip:1001@pbx:65536",
            "sip:1001@pbx?subject=hi", "sip:1001@-pbx", "tel:+74951234567", "http://pbx/1001", "SIP:1001@pbx x"})
    void refusesAnythingElseNamingTheField(String uri) {
        assertThatThrownBy(() -> PhoneUris.check("phoneUri", uri))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("phoneUri"));
    }

    @Test
    void refusesAnAbsurdlyLongUri() {
        assertThatThrownBy(() -> PhoneUris.check("phoneUri", "sip:" + "a".repeat(300) + "@pbx"))
                .hasMessageContaining("at most 255");
    }
}
