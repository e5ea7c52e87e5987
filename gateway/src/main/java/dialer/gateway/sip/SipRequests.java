package dialer.gateway.sip;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.sip.InvalidArgumentException;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;

/** Builds the requests that start a dialog (an INVITE to a trunk or a phone) or ask a trunk (OPTIONS). */
final class SipRequests {
    static final String USER_AGENT = "dialer";

    private final SipSettings settings;
    private final AddressFactory addresses;
    private final HeaderFactory headers;
    private final MessageFactory messages;
    private final SipProvider provider;
    private final AtomicLong tags = new AtomicLong(System.nanoTime());

    SipRequests(SipSettings settings, AddressFactory addresses, HeaderFactory headers, MessageFactory messages, SipProvider provider) {
        this.settings = settings;
        this.addresses = addresses;
        this.headers = headers;
        this.messages = messages;
        this.provider = provider;
    }

    /** A new INVITE, with our SDP, to {@code user} at {@code host:port}, shown as coming from {@code callerId}. */
    Request invite(String user, String host, int port, SipTransport transport, String callerId, String sdp) {
        SipURI target = sipUri(user, host, port, transport);
        return newRequest(Request.INVITE, target, addressOf(target), callerId, transport, sdp);
    }

    /** A new INVITE, with our SDP, to the phone at {@code uri} (a {@code sip:} URI naming its host). */
    Request invite(String uri, String sdp) throws ParseException {
        Address to = addresses.createAddress(uri);
        if (!(to.getURI() instanceof SipURI target)) {
            throw new ParseException("not a sip: URI: " + uri, 0);
        }
        SipTransport transport = "tcp".equalsIgnoreCase(target.getTransportParam()) ? SipTransport.TCP : SipTransport.UDP;
        return newRequest(Request.INVITE, (SipURI) target.clone(), to, USER_AGENT, transport, sdp);
    }

    /** A new OPTIONS to a trunk, to see that it answers. */
    Request options(SipTrunk trunk) {
        SipURI target = sipUri(null, trunk.host(), trunk.port(), trunk.transport());
        return newRequest(Request.OPTIONS, target, addressOf(target), USER_AGENT, trunk.transport(), null);
    }

    private Request newRequest(String method, SipURI target, Address to, String fromUser, SipTransport transport, String sdp) {
        try {
            SipURI fromUri = addresses.createSipURI(fromUser, settings.address());
            Address from = addresses.createAddress(fromUri);
            ViaHeader via = headers.createViaHeader(settings.address(), settings.port(), transport.wireName(), null);
            CallIdHeader callId = provider.getNewCallId();
            CSeqHeader cseq = headers.createCSeqHeader(1L, method);
            MaxForwardsHeader maxForwards = headers.createMaxForwardsHeader(70);
            Request request = messages.createRequest(target, method, callId, cseq,
                    headers.createFromHeader(from, Long.toHexString(tags.incrementAndGet())), headers.createToHeader(to, null),
                    new ArrayList<>(List.of(via)), maxForwards);
            request.addHeader(contact(transport));
            request.addHeader(headers.createUserAgentHeader(List.of(USER_AGENT)));
            if (sdp != null) {
                request.setContent(sdp, sdpType());
            }
            return request;
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalArgumentException("cannot build a SIP " + method + " to " + target + ": " + e.getMessage(), e);
        }
    }

    private SipURI sipUri(String user, String host, int port, SipTransport transport) {
        try {
            SipURI uri = addresses.createSipURI(user, host);
            uri.setPort(port);
            if (transport == SipTransport.TCP) {
                uri.setTransportParam(transport.wireName());
            }
            return uri;
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a SIP address: " + user + "@" + host + ":" + port, e);
        }
    }

    private Address addressOf(SipURI uri) {
        return addresses.createAddress((SipURI) uri.clone());
    }

    ContactHeader contact(SipTransport transport) {
        SipURI uri = sipUri(USER_AGENT, settings.address(), settings.port(), transport);
        return headers.createContactHeader(addresses.createAddress(uri));
    }

    ContentTypeHeader sdpType() throws ParseException {
        return headers.createContentTypeHeader("application", "sdp");
    }
}
