package dialer.gateway.sip;

import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import javax.sip.header.Header;
import javax.sip.header.ReasonHeader;
import javax.sip.message.Message;
import javax.sip.message.Response;

import dialer.gateway.AnswerKind;
import dialer.gateway.CallOutcome;

/**
 * What the driver reads from SIP messages: the Q.850 cause of a {@code Reason} header, the raw cause kept
 * for the record, and the answering-machine result a gateway puts in an {@code X-AMD} header (of its 200 OK
 * or of a later INFO) with the words of Asterisk's {@code AMDSTATUS}: {@code HUMAN}, {@code MACHINE},
 * {@code NOTSURE}.
 */
final class Responses {
    /** The header that carries the gateway's answering-machine detection result. */
    static final String ANSWER_DETECTION_HEADER = "X-AMD";

    private Responses() {
    }

    static OptionalInt q850Cause(Message message) {
        Iterator<?> reasons = message.getHeaders(ReasonHeader.NAME);
        while (reasons.hasNext()) {
            if (reasons.next() instanceof ReasonHeader reason && "Q.850".equalsIgnoreCase(reason.getProtocol()) && reason.getCause() >= 0) {
                return OptionalInt.of(reason.getCause());
            }
        }
        return OptionalInt.empty();
    }

    /** The outcome of a final response to an INVITE. */
    static CallOutcome outcome(Response response) {
        return SipOutcomes.of(response.getStatusCode(), q850Cause(response));
    }

    /** "SIP 486 Busy Here; Q.850 cause 17": what the network said, for the record. */
    static String rawCause(Response response) {
        OptionalInt cause = q850Cause(response);
        return "SIP " + response.getStatusCode() + " " + response.getReasonPhrase()
                + (cause.isPresent() ? "; Q.850 cause " + cause.getAsInt() : "");
    }

    /** The answering-machine result in {@code message}, if it has one. */
    static Optional<AnswerKind> answerKind(Message message) {
        Header header = message.getHeader(ANSWER_DETECTION_HEADER);
        if (header == null) {
            return Optional.empty();
        }
        String value = header.toString();
        value = value.substring(value.indexOf(':') + 1).trim().toUpperCase(Locale.ROOT);
        return Optional.of(switch (value) {
            case "MACHINE" -> AnswerKind.MACHINE;
            case "HUMAN" -> AnswerKind.HUMAN;
            default -> AnswerKind.UNKNOWN;
        });
    }
}
