package dialer.gateway.sip;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Vector;

import javax.sdp.Connection;
import javax.sdp.MediaDescription;
import javax.sdp.SdpException;
import javax.sdp.SdpFactory;
import javax.sdp.SessionDescription;

/**
 * The SDP bodies of third-party call control (RFC 3725): the appliance's own (its media port, G.711, sent
 * while a call has no agent, or held silent on an idle agent leg), and another party's, relayed with this
 * dialog's own origin line, so that each phone sees one session whose version only grows.
 */
final class SessionDescriptions {
    private final String address;
    private final int mediaPort;

    SessionDescriptions(String address, int mediaPort) {
        this.address = address;
        this.mediaPort = mediaPort;
    }

    /** Our own session: audio to and from our media port, or {@code inactive} to hold an agent's phone silent. */
    String own(SdpOrigin origin, boolean inactive) {
        return "v=0\r\n"
                + origin.nextLine(address) + "\r\n"
                + "s=dialer\r\n"
                + "c=IN IP4 " + address + "\r\n"
                + "t=0 0\r\n"
                + "m=audio " + mediaPort + " RTP/AVP " + MediaTarget.PCMA + " " + MediaTarget.PCMU + "\r\n"
                + "a=rtpmap:" + MediaTarget.PCMA + " PCMA/8000\r\n"
                + "a=rtpmap:" + MediaTarget.PCMU + " PCMU/8000\r\n"
                + "a=ptime:20\r\n"
                + (inactive ? "a=inactive\r\n" : "a=sendrecv\r\n");
    }

    /** {@code remote}, another party's session, as this dialog's next version. */
    String relayed(String remote, SdpOrigin origin) throws SdpException {
        SessionDescription session = SdpFactory.getInstance().createSessionDescription(remote);
        session.setOrigin(SdpFactory.getInstance().createOrigin("dialer", origin.sessionId(), origin.nextVersion(), "IN", "IP4", address));
        return session.toString();
    }

    /** Where {@code sdp}'s party wants its audio, and in which law: the first G.711 its audio line offers. */
    static MediaTarget target(String sdp) throws SdpException {
        SessionDescription session = SdpFactory.getInstance().createSessionDescription(sdp);
        @SuppressWarnings("unchecked")
        Vector<MediaDescription> media = session.getMediaDescriptions(false);
        for (MediaDescription description : media == null ? List.<MediaDescription>of() : media) {
            if (!"audio".equals(description.getMedia().getMediaType())) {
                continue;
            }
            Connection connection = description.getConnection() != null ? description.getConnection() : session.getConnection();
            if (connection == null) {
                throw new SdpException("the audio line has no connection address");
            }
            @SuppressWarnings("unchecked")
            Vector<String> formats = description.getMedia().getMediaFormats(false);
            for (String format : formats) {
                int payloadType = Integer.parseInt(format.trim());
                if (payloadType == MediaTarget.PCMU || payloadType == MediaTarget.PCMA) {
                    return new MediaTarget(new InetSocketAddress(connection.getAddress(), description.getMedia().getMediaPort()), payloadType);
                }
            }
            throw new SdpException("the audio line offers no G.711: " + formats);
        }
        throw new SdpException("no audio line");
    }
}
