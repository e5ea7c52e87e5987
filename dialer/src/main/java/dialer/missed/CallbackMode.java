package dialer.missed;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import dialer.campaign.Mode;

/** How a DID group calls its missed calls back: the mode of its callback campaign. */
public enum CallbackMode {
    /** The appliance dials as soon as an agent of the group's campaign is free: a progressive campaign. */
    AUTO(Mode.PROGRESSIVE),
    /** The agent sees the callback and clicks to dial: a preview campaign. */
    MANUAL(Mode.PREVIEW);

    private final Mode campaignMode;

    CallbackMode(Mode campaignMode) {
        this.campaignMode = campaignMode;
    }

    /** The pacing mode of the group's callback campaign. */
    public Mode campaignMode() {
        return campaignMode;
    }

    /** The mode's name on the wire and in the database. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CallbackMode> fromCode(String code) {
        return Arrays.stream(values()).filter(mode -> mode.code().equals(code)).findFirst();
    }
}
