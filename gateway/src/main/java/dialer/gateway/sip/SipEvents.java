package dialer.gateway.sip;

import java.util.concurrent.Executor;

import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Takes the SIP stack's events on its threads and hands them to the driver's thread. Requests that need
 * no state (a BYE, an INFO, an OPTIONS) are answered at once; the appliance takes no inbound calls here.
 */
final class SipEvents implements SipListener {
    private static final System.Logger LOG = System.getLogger(SipEvents.class.getName());

    private final Executor thread;
    private volatile SipContext context;

    SipEvents(Executor thread) {
        this.thread = thread;
    }

    void attach(SipContext attached) {
        context = attached;
    }

    @Override
    public void processRequest(RequestEvent event) {
        SipContext ctx = context;
        Request request = event.getRequest();
        if (ctx == null || Request.ACK.equals(request.getMethod())) {
            return;
        }
        ServerTransaction transaction;
        try {
            transaction = event.getServerTransaction() != null ? event.getServerTransaction()
                    : ctx.endpoint.provider().getNewServerTransaction(request);
        } catch (SipException e) {
            LOG.log(System.Logger.Level.DEBUG, "no transaction for a {0}: {1}", request.getMethod(), e.getMessage());
            return;
        }
        String callId = SipContext.callId(request);
        switch (request.getMethod()) {
            case Request.BYE -> {
                ctx.answer(transaction, request, Response.OK, null);
                thread.execute(() -> {
                    DialogOwner owner = ctx.owner(callId);
                    if (owner != null) {
                        owner.hungUp(request);
                    }
                });
            }
            case Request.INFO -> {
                ctx.answer(transaction, request, Response.OK, null);
                thread.execute(() -> {
                    DialogOwner owner = ctx.owner(callId);
                    if (owner != null) {
                        owner.informed(request);
                    }
                });
            }
            case Request.OPTIONS -> ctx.answer(transaction, request, Response.OK, null);
            case Request.INVITE -> {
                if (((ToHeader) request.getHeader(ToHeader.NAME)).getTag() == null) {
                    ctx.answer(transaction, request, Response.TEMPORARILY_UNAVAILABLE, null);
                    return;
                }
                thread.execute(() -> {
                    DialogOwner owner = ctx.owner(callId);
                    if (owner != null) {
                        owner.reinvited(request, transaction);
                    } else {
                        ctx.answer(transaction, request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
                    }
                });
            }
            case Request.CANCEL -> ctx.answer(transaction, request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
            default -> ctx.answerNotAllowed(transaction, request);
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        SipContext ctx = context;
        if (ctx == null) {
            return;
        }
        if (event.getClientTransaction() != null) {
            thread.execute(() -> ctx.responded(event.getResponse(), event.getClientTransaction()));
        } else if (event.getDialog() != null && isAnswerToInvite(event.getResponse())) {
            thread.execute(() -> hangUpStrayAnswer(ctx, event));
        }
    }

    private static boolean isAnswerToInvite(Response response) {
        return response.getStatusCode() / 100 == 2 && Request.INVITE.equals(((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getMethod());
    }

    /**
     * A 2xx whose transaction is over: a retransmission for a call the driver still has (the stack
     * acknowledges it again), or an answer to an INVITE the driver gave up on, which it acknowledges and ends.
     */
    private static void hangUpStrayAnswer(SipContext ctx, ResponseEvent event) {
        if (ctx.owner(SipContext.callId(event.getResponse())) != null) {
            return;
        }
        try {
            ctx.endpoint.acknowledge(event.getDialog(), event.getResponse());
            ctx.endpoint.sendInDialog(event.getDialog(), Request.BYE, null);
        } catch (SipException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot hang up an answer to an INVITE given up: {0}", e.getMessage());
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        SipContext ctx = context;
        if (ctx != null && !event.isServerTransaction()) {
            thread.execute(() -> ctx.timedOut(event.getClientTransaction()));
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.log(System.Logger.Level.WARNING, "SIP I/O error with {0}:{1} over {2}", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        SipContext ctx = context;
        if (ctx != null && !event.isServerTransaction()) {
            thread.execute(() -> ctx.forget(event.getClientTransaction()));
        }
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // the driver ends its calls on BYE and final responses; the stack's dialog bookkeeping adds nothing
    }
}
