package dialer.lease;

import java.util.Locale;

/** Why the lease passed over a contact it had found: a compliance rule forbade calling it now. */
public enum SkipReason {
    /** Its number is on a do-not-call list (checked again at lease time): the contact becomes {@code DNC}. */
    DNC,
    /** It had all the attempts the campaign allows: the contact becomes {@code FAILED}. */
    MAX_ATTEMPTS,
    /** It had all the attempts the campaign allows in 30 days: it waits until the oldest is 30 days old. */
    MAX_ATTEMPTS_30D,
    /** A live answer to it was abandoned less than 72 hours ago: it waits until then. */
    ABANDONED_72H;

    /** The reason's name in the stats: lower case. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
