package dialer.gateway.sip;

import javax.sip.ClientTransaction;
import javax.sip.message.Response;

/** What to do with the responses to one request the driver sent. Called on the driver's thread. */
interface ResponseHandler {
    void response(Response response, ClientTransaction transaction);

    /** No final response came in the transaction's time (or the request could not reach its peer). */
    void timedOut();
}
