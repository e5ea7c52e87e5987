package dialer.campaign;

import java.util.Locale;

/** How a campaign paces its calls. */
public enum Mode implements Coded {
    /** The agent sees the contact first and clicks to dial. */
    PREVIEW,
    /** One call per free agent. */
    PROGRESSIVE,
    /** A fixed number of calls per free agent: the campaign's dial ratio. */
    POWER,
    /** The pacing model decides, under the campaign's abandonment cap. */
    PREDICTIVE;

    @Override
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
