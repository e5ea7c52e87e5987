package dialer.missed;

/**
 * A missed call as a PBX or CRM reports it, unchecked (any field may be null): who called ({@code callerNumber}),
 * which number ({@code calledNumber}, optional), when it began ({@code startedAt}, ISO-8601 with an offset), how
 * long the caller waited, why nobody answered ({@code reason}) and the keys pressed in the IVR ({@code ivrPath}).
 */
public record MissedCallInput(String callerNumber, String calledNumber, String startedAt, Integer waitedSeconds,
        String reason, String ivrPath) {
}
