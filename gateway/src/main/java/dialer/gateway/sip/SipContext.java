package dialer.gateway.sip;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.sip.ClientTransaction;
import javax.sip.SipException;
import javax.sip.ServerTransaction;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * What the parts of the SIP driver share, all on the driver's one thread: the endpoint, the trunks, the
 * requests awaiting responses, the dialogs by Call-ID, and the clock for timers.
 */
final class SipContext {
    private static final System.Logger LOG = System.getLogger(SipContext.class.getName());

    final SipEndpoint endpoint;
    final Trunks trunks;
    final SessionDescriptions sessions;
    final ScheduledExecutorService thread;
    private final Map<ClientTransaction, ResponseHandler> pending = new HashMap<>();
    private final Map<String, DialogOwner> owners = new HashMap<>();

    SipContext(SipEndpoint endpoint, Trunks trunks, SessionDescriptions sessions, ScheduledExecutorService thread) {
        this.endpoint = endpoint;
        this.trunks = trunks;
        this.sessions = sessions;
        this.thread = thread;
    }

    /** Sends {@code request} in a new transaction whose responses go to {@code handler}. */
    ClientTransaction send(Request request, ResponseHandler handler) throws SipException {
        ClientTransaction transaction = endpoint.send(request);
        pending.put(transaction, handler);
        return transaction;
    }

    void expect(ClientTransaction transaction, ResponseHandler handler) {
        pending.put(transaction, handler);
    }

    /** Gives a response to the handler of its transaction; a final one ends the wait. */
    void responded(Response response, ClientTransaction transaction) {
        ResponseHandler handler = response.getStatusCode() >= 200 ? pending.remove(transaction) : pending.get(transaction);
        if (handler != null) {
            handler.response(response, transaction);
        }
    }

    void timedOut(ClientTransaction transaction) {
        ResponseHandler handler = pending.remove(transaction);
        if (handler != null) {
            handler.timedOut();
        }
    }

    void forget(ClientTransaction transaction) {
        pending.remove(transaction);
    }

    void own(String callId, DialogOwner owner) {
        owners.put(callId, owner);
    }

    void disown(String callId) {
        owners.remove(callId);
    }

    DialogOwner owner(String callId) {
        return owners.get(callId);
    }

    ScheduledFuture<?> after(Duration delay, Runnable task) {
        return thread.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Answers an incoming request (a re-INVITE with {@code sdp}, or anything with no body). */
    void answer(ServerTransaction transaction, Request request, int status, String sdp) {
        try {
            Response response = endpoint.messages().createResponse(status, request);
            if (sdp != null) {
                ContentTypeHeader type = endpoint.headers().createContentTypeHeader("application", "sdp");
                response.setContent(sdp, type);
            }
            if (Request.INVITE.equals(request.getMethod()) && status / 100 == 2) {
                ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
                response.setHeader(endpoint.requests().contact("TCP".equalsIgnoreCase(via.getTransport()) ? SipTransport.TCP : SipTransport.UDP));
            }
            transaction.sendResponse(response);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "cannot answer {0} with {1}: {2}", request.getMethod(), status, e.getMessage());
        }
    }

    /** Answers 405 to a method the appliance does not take, with the methods it does. */
    void answerNotAllowed(ServerTransaction transaction, Request request) {
        try {
            Response response = endpoint.messages().createResponse(Response.METHOD_NOT_ALLOWED, request);
            response.setHeader(endpoint.headers().createAllowHeader("INVITE, ACK, BYE, CANCEL, OPTIONS, INFO"));
            transaction.sendResponse(response);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "cannot answer {0} with 405: {1}", request.getMethod(), e.getMessage());
        }
    }

    static String callId(Message message) {
        return ((CallIdHeader) message.getHeader(CallIdHeader.NAME)).getCallId();
    }

    static String body(Message message) {
        byte[] raw = message.getRawContent();
        return raw == null ? null : new String(raw, StandardCharsets.US_ASCII);
    }
}
