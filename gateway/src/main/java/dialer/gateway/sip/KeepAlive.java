package dialer.gateway.sip;

import java.util.concurrent.TimeUnit;

import javax.sip.ClientTransaction;
import javax.sip.SipException;
import javax.sip.message.Response;

/**
 * Asks each trunk with an OPTIONS, every keep-alive interval, whether it is there: any answer but 503
 * counts it up, a 503 or no answer within the keep-alive timeout counts it down.
 */
final class KeepAlive {
    private static final long MIN_TICK_MILLIS = 50;

    private final SipContext context;
    private final long intervalNanos;
    private final long timeoutNanos;

    KeepAlive(SipContext context, SipSettings settings) {
        this.context = context;
        this.intervalNanos = settings.keepAlive().toNanos();
        this.timeoutNanos = settings.keepAliveTimeout().toNanos();
    }

    void start() {
        long tickMillis = Math.max(MIN_TICK_MILLIS, TimeUnit.NANOSECONDS.toMillis(Math.min(intervalNanos, timeoutNanos)) / 2);
        context.thread.scheduleWithFixedDelay(this::tick, 0, tickMillis, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        long now = System.nanoTime();
        for (TrunkState trunk : context.trunks.all()) {
            if (trunk.keepAliveDue(now, intervalNanos, timeoutNanos)) {
                ask(trunk, now);
            }
        }
    }

    private void ask(TrunkState trunk, long now) {
        trunk.optionsSent(now);
        try {
            context.send(context.endpoint.requests().options(trunk.trunk()), new ResponseHandler() {
                @Override
                public void response(Response response, ClientTransaction transaction) {
                    trunk.optionsEnded();
                    if (response.getStatusCode() == Response.SERVICE_UNAVAILABLE) {
                        trunk.markDown("answered OPTIONS with " + Responses.rawCause(response));
                    } else {
                        trunk.markUp("answers OPTIONS (SIP " + response.getStatusCode() + ")");
                    }
                }

                @Override
                public void timedOut() {
                    trunk.optionsEnded();
                    trunk.markDown("no answer to OPTIONS");
                }
            });
        } catch (SipException | RuntimeException e) {
            trunk.optionsEnded();
            trunk.markDown("cannot send OPTIONS: " + e.getMessage());
        }
    }
}
