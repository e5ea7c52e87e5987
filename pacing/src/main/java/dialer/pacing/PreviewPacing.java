package dialer.pacing;

/** No call is dialled automatically: the agent sees the contact and clicks to dial. */
public final class PreviewPacing implements PacingStrategy {
    @Override
    public String name() {
        return "preview";
    }

    @Override
    public int callsToLaunch(PacingSnapshot snapshot) {
        return 0;
    }
}
