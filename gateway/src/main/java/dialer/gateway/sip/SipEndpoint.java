package dialer.gateway.sip;

import java.text.ParseException;
import java.util.Properties;
import java.util.TooManyListenersException;
import java.util.concurrent.atomic.AtomicLong;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.ObjectInUseException;
import javax.sip.PeerUnavailableException;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

import gov.nist.javax.sip.SipStackExt;
import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;
import gov.nist.javax.sip.clientauthutils.UserCredentials;

/**
 * The appliance's SIP user agent: one JAIN-SIP stack listening on UDP and TCP at one address and port, and
 * the ways the driver sends through it (new transactions, requests in dialogs, ACK, CANCEL, digest), so that
 * the rest of the driver speaks of calls.
 */
final class SipEndpoint implements AutoCloseable {
    private static final long MAX_MESSAGE_BYTES = 16 * 1024;
    /** JAIN-SIP keeps every stack it made by name, stopped or not: each start needs a name of its own. */
    private static final AtomicLong STACKS = new AtomicLong();

    private final SipSettings settings;
    private final SipStack stack;
    private final SipProvider provider;
    private final AddressFactory addresses;
    private final HeaderFactory headers;
    private final MessageFactory messages;
    private final SipRequests requests;

    SipEndpoint(SipSettings settings, SipListener listener) {
        this.settings = settings;
        try {
            SipFactory factory = SipFactory.getInstance();
            factory.setPathName("gov.nist");
            stack = factory.createSipStack(stackProperties(settings));
            addresses = factory.createAddressFactory();
            headers = factory.createHeaderFactory();
            messages = factory.createMessageFactory();
            ListeningPoint udp = stack.createListeningPoint(settings.address(), settings.port(), ListeningPoint.UDP);
            ListeningPoint tcp = stack.createListeningPoint(settings.address(), settings.port(), ListeningPoint.TCP);
            provider = stack.createSipProvider(udp);
            provider.addListeningPoint(tcp);
            provider.addSipListener(listener);
            requests = new SipRequests(settings, addresses, headers, messages, provider);
            stack.start();
        } catch (PeerUnavailableException | InvalidArgumentException | ObjectInUseException | TooManyListenersException e) {
            throw new IllegalStateException("cannot listen for SIP on " + settings.address() + ":" + settings.port() + ": " + e.getMessage(), e);
        } catch (SipException e) {
            throw new IllegalStateException("cannot start the SIP stack: " + e.getMessage(), e);
        }
    }

    private static Properties stackProperties(SipSettings settings) {
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", "dialer-" + settings.port() + "-" + STACKS.incrementAndGet());
        properties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        properties.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "false");
        properties.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Long.toString(MAX_MESSAGE_BYTES));
        properties.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        properties.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", "100000");
        properties.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", "100000");
        properties.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", Integer.toString(4 << 20));
        properties.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", Integer.toString(4 << 20));
        properties.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "ERROR");
        properties.setProperty("gov.nist.javax.sip.LOG4J_LOGGER_NAME", "javax.sip");
        properties.setProperty("gov.nist.javax.sip.LOG_STACK_TRACE_ON_MESSAGE_SEND", "false");
        return properties;
    }

    /** A request within {@code dialog} (a re-INVITE with {@code sdp}, or a BYE with none), sent at once. */
    ClientTransaction sendInDialog(Dialog dialog, String method, String sdp) throws SipException {
        Request request = dialog.createRequest(method);
        try {
            if (sdp != null) {
                request.setContent(sdp, requests.sdpType());
                request.setHeader(requests.contact(dialog.getRemoteTarget().getURI() instanceof SipURI uri
                        && "tcp".equalsIgnoreCase(uri.getTransportParam()) ? SipTransport.TCP : SipTransport.UDP));
            }
        } catch (ParseException e) {
            throw new SipException("cannot build a " + method + ": " + e.getMessage(), e);
        }
        ClientTransaction transaction = provider.getNewClientTransaction(request);
        dialog.sendRequest(transaction);
        return transaction;
    }

    /** A new client transaction for {@code request}, sent. */
    ClientTransaction send(Request request) throws SipException {
        ClientTransaction transaction = provider.getNewClientTransaction(request);
        transaction.sendRequest();
        return transaction;
    }

    /** Acknowledges a 2xx answer to an INVITE within its dialog. */
    void acknowledge(Dialog dialog, Response answer) throws SipException {
        long cseq = ((CSeqHeader) answer.getHeader(CSeqHeader.NAME)).getSeqNumber();
        try {
            dialog.sendAck(dialog.createAck(cseq));
        } catch (InvalidArgumentException e) {
            throw new SipException("cannot acknowledge CSeq " + cseq + ": " + e.getMessage(), e);
        }
    }

    /** Cancels a pending INVITE; its 487 follows. */
    void cancel(ClientTransaction invite) throws SipException {
        provider.getNewClientTransaction(invite.createCancel()).sendRequest();
    }

    /** Answers a digest challenge to {@code challenged} with {@code credentials}: the new transaction, sent. */
    ClientTransaction answerChallenge(Response challenge, ClientTransaction challenged, DigestCredentials credentials) throws SipException {
        AuthenticationHelper helper = ((SipStackExt) stack).getAuthenticationHelper((transaction, realm) -> new UserCredentials() {
            @Override
            public String getUserName() {
                return credentials.username();
            }

            @Override
            public String getPassword() {
                return credentials.password();
            }

            @Override
            public String getSipDomain() {
                return realm;
            }
        }, headers);
        ClientTransaction retry = helper.handleChallenge(challenge, challenged, provider, 5, true);
        retry.sendRequest();
        return retry;
    }

    SipProvider provider() {
        return provider;
    }

    /** What builds the requests that start a dialog or ask a trunk, and our Contact. */
    SipRequests requests() {
        return requests;
    }

    MessageFactory messages() {
        return messages;
    }

    HeaderFactory headers() {
        return headers;
    }

    @Override
    public void close() {
        stack.stop();
    }
}
