package dialer.missed;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Why nobody answered an inbound call, as the PBX or CRM reports it. */
public enum MissedReason {
    NO_ANSWER("no-answer"),
    ABANDONED_IN_QUEUE("abandoned-in-queue"),
    BUSY("busy"),
    AFTER_HOURS("after-hours"),
    IVR_EXIT("ivr-exit");

    private final String code;

    MissedReason(String code) {
        this.code = code;
    }

    /** The reason's name on the wire and in the database. */
    public String code() {
        return code;
    }

    public static Optional<MissedReason> fromCode(String code) {
        return Arrays.stream(values()).filter(reason -> reason.code.equals(code)).findFirst();
    }

    /** Every reason's code, for messages. */
    public static String codes() {
        return Arrays.stream(values()).map(MissedReason::code).collect(Collectors.joining(", "));
    }
}
