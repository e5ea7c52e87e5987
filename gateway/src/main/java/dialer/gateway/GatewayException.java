package dialer.gateway;

/** The network refused or failed what the driver was asked to do. */
public final class GatewayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GatewayException(String message) {
        super(message);
    }
}
