package dialer.gateway;

/** A call the driver placed: its id within the driver, and the request it was placed for. */
public record CallHandle(String id, OriginateRequest request) {
}
