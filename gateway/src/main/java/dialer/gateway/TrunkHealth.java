package dialer.gateway;

/** How a trunk is doing: up or not, why, and how many of its channels are busy. */
public record TrunkHealth(String trunk, boolean up, String detail, int busyChannels, int maxChannels) {
}
