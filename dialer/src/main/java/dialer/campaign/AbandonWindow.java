package dialer.campaign;

/** The period over which the abandonment rate is measured: 30 days (US rules) or 24 hours (UK rules). */
public enum AbandonWindow implements Coded {
    DAYS_30("30d"),
    HOURS_24("24h");

    private final String code;

    AbandonWindow(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
