package dialer.gateway.sip;

import javax.sip.ServerTransaction;
import javax.sip.message.Request;

/** The call or leg that a dialog's incoming requests are about. Called on the driver's thread. */
interface DialogOwner {
    /** The peer hung up; the BYE has been answered. */
    void hungUp(Request bye);

    /** The peer sent an INFO (answered already), maybe with an answering-machine result. */
    void informed(Request info);

    /** The peer sent a re-INVITE, to be answered with the body last sent to it. */
    void reinvited(Request invite, ServerTransaction transaction);
}
