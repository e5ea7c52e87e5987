package dialer.missed;

/**
 * An inbound call that was answered, as a PBX or CRM reports it, unchecked: who called, which number
 * (optional) and when it was answered ({@code answeredAt}, ISO-8601 with an offset).
 */
public record InboundAnswerInput(String callerNumber, String calledNumber, String answeredAt) {
}
