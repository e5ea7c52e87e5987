package dialer.gateway.sip;

import java.util.concurrent.Executor;

import javax.sdp.SdpException;

import dialer.gateway.Prompt;

/**
 * Plays the safe-harbour message into an answered customer's call, from the media port to the address
 * their SDP gave, then hangs up. A bridge under way is given up for it. On the driver's thread.
 */
final class SafeHarbour {
    private static final System.Logger LOG = System.getLogger(SafeHarbour.class.getName());

    private final CustomerCalls customers;
    private final Bridges bridges;
    private final PromptLibrary prompts;
    private final RtpPlayer player;
    private final Executor thread;

    SafeHarbour(CustomerCalls customers, Bridges bridges, PromptLibrary prompts, RtpPlayer player, Executor thread) {
        this.customers = customers;
        this.bridges = bridges;
        this.prompts = prompts;
        this.player = player;
        this.thread = thread;
    }

    void play(CustomerCall call, Prompt prompt) {
        bridges.abandon(call, "given up for the safe-harbour message");
        if (call.state != CustomerCall.State.ANSWERED) {
            customers.hangup(call);
            return;
        }
        try {
            MediaTarget target = SessionDescriptions.target(call.customerSdp);
            byte[] samples = prompts.samples(prompt, target.payloadType());
            call.state = CustomerCall.State.PLAYING;
            call.playback = player.play(target, samples, () -> thread.execute(() -> {
                if (call.state == CustomerCall.State.PLAYING) {
                    customers.sendBye(call);
                    customers.finish(call, call.answeredOutcome(), "BYE from the appliance after the message " + prompt.name());
                }
            }));
        } catch (SdpException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.ERROR, "call {0}: cannot play {1}: {2}", call.handle.id(), prompt.name(), e.getMessage());
            customers.sendBye(call);
            customers.finish(call, call.answeredOutcome(), "BYE from the appliance; message not played: " + e.getMessage());
        }
    }
}
