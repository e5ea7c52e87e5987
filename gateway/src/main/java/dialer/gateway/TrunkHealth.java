package dialer.gateway;

/** How a trunk is doing: up or not, why, and how many of its channels are busy. */
public record TrunkHealth(String trunk, boolean up, String detail, int busyChannels, int maxChannels) {
    public TrunkHealth {
        if (trunk == null || busyChannels < 0 || maxChannels < 1 || busyChannels > maxChannels) {
            throw new IllegalArgumentException("trunk " + trunk + ": " + busyChannels + " of " + maxChannels + " channels");
        }
    }
}
