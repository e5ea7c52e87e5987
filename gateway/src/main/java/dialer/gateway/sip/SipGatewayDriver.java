package dialer.gateway.sip;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sdp.SdpException;

import dialer.gateway.AgentLeg;
import dialer.gateway.AgentLegListener;
import dialer.gateway.CallHandle;
import dialer.gateway.CallListener;
import dialer.gateway.CallOutcome;
import dialer.gateway.GatewayDriver;
import dialer.gateway.OriginateRequest;
import dialer.gateway.Prompt;
import dialer.gateway.TrunkHealth;

/**
 * The driver that calls through SIP trunks (JAIN-SIP, UDP and TCP). Every change of every call, leg and
 * trunk happens on one thread, in order: the SPI's methods and the SIP stack's events are queued to it,
 * and listeners are called on it. Media never passes through it, except the safe-harbour message it plays.
 */
public final class SipGatewayDriver implements GatewayDriver {
    private static final System.Logger LOG = System.getLogger(SipGatewayDriver.class.getName());

    private final SipSettings settings;
    private final AtomicLong ids = new AtomicLong();
    private volatile Running running;

    public SipGatewayDriver(SipSettings settings) {
        this.settings = settings;
    }

    /** The parts that live between start and close. */
    private record Running(SipEndpoint endpoint, SipContext context, CustomerCalls customers, AgentLegs agents, Bridges bridges,
            ScheduledThreadPoolExecutor thread, ScheduledThreadPoolExecutor mediaClock, DatagramChannel media, RtpPlayer player,
            PromptLibrary prompts) {
    }

    @Override
    public synchronized void start() {
        if (running != null) {
            throw new IllegalStateException("the SIP driver is started already");
        }
        ScheduledThreadPoolExecutor thread = new DriverThread("sip-driver");
        ScheduledThreadPoolExecutor mediaClock = new DriverThread("sip-media");
        DatagramChannel media;
        try {
            media = DatagramChannel.open().bind(new InetSocketAddress(settings.address(), settings.mediaPort()));
        } catch (IOException e) {
            thread.shutdownNow();
            mediaClock.shutdownNow();
            throw new IllegalStateException("cannot bind the media port " + settings.address() + ":" + settings.mediaPort() + ": " + e.getMessage(), e);
        }
        SipEvents events = new SipEvents(thread);
        SipEndpoint endpoint;
        try {
            endpoint = new SipEndpoint(settings, events);
        } catch (RuntimeException e) {
            thread.shutdownNow();
            mediaClock.shutdownNow();
            closeQuietly(media);
            throw e;
        }
        SipContext context = new SipContext(endpoint, new Trunks(settings.trunks()),
                new SessionDescriptions(settings.address(), settings.mediaPort()), thread);
        AgentLegs agents = new AgentLegs(context);
        CustomerCalls customers = new CustomerCalls(context, agents);
        agents.onCustomerOrphaned(call -> {
            call.agent = null;
            customers.sendBye(call);
            customers.finish(call, call.answeredOutcome(), "the agent's leg dropped");
        });
        events.attach(context);
        Running parts = new Running(endpoint, context, customers, agents, new Bridges(context, customers, agents), thread, mediaClock,
                media, new RtpPlayer(media, mediaClock), new PromptLibrary(settings.promptDirectory()));
        new KeepAlive(context, settings).start();
        running = parts;
    }

    @Override
    public CallHandle originate(OriginateRequest request, CallListener listener) {
        Running parts = running();
        if (!parts.context.trunks.knows(request.trunk())) {
            throw new IllegalArgumentException("no trunk named " + request.trunk());
        }
        CallHandle handle = new CallHandle("sip-" + ids.incrementAndGet(), request);
        parts.thread.execute(() -> parts.customers.place(new CustomerCall(handle, listener)));
        return handle;
    }

    @Override
    public AgentLeg connectAgent(String agentPhoneUri, AgentLegListener listener) {
        Running parts = running();
        AgentLeg leg = new AgentLeg("sip-agent-" + ids.incrementAndGet(), agentPhoneUri);
        parts.thread.execute(() -> parts.agents.connect(new AgentPhoneLeg(leg, listener)));
        return leg;
    }

    @Override
    public void disconnectAgent(AgentLeg agent) {
        Running parts = running();
        parts.thread.execute(() -> {
            AgentPhoneLeg leg = parts.agents.get(agent);
            if (leg != null) {
                parts.agents.disconnect(leg);
            }
        });
    }

    @Override
    public void bridge(CallHandle customer, AgentLeg agent) {
        Running parts = running();
        parts.thread.execute(() -> {
            CustomerCall call = parts.customers.get(customer);
            AgentPhoneLeg leg = parts.agents.get(agent);
            if (call == null) {
                LOG.log(System.Logger.Level.DEBUG, "bridge of {0}, which has ended, to {1} ignored", customer.id(), agent.id());
            } else if (leg == null) {
                call.listener.bridgeFailed(customer, agent, "the agent leg is not connected");
            } else {
                parts.bridges.bridge(call, leg);
            }
        });
    }

    @Override
    public void hangup(CallHandle call) {
        Running parts = running();
        parts.thread.execute(() -> {
            CustomerCall customer = parts.customers.get(call);
            if (customer != null) {
                parts.customers.hangup(customer);
            }
        });
    }

    @Override
    public void playAndHangup(CallHandle call, Prompt prompt) {
        Running parts = running();
        parts.thread.execute(() -> {
            CustomerCall customer = parts.customers.get(call);
            if (customer == null) {
                return;
            }
            if (customer.state != CustomerCall.State.ANSWERED) {
                parts.customers.hangup(customer);
                return;
            }
            try {
                MediaTarget target = SessionDescriptions.target(customer.customerSdp);
                byte[] samples = parts.prompts.samples(prompt, target.payloadType());
                customer.state = CustomerCall.State.PLAYING;
                customer.playback = parts.player.play(target, samples, () -> parts.thread.execute(() -> {
                    if (customer.state == CustomerCall.State.PLAYING) {
                        parts.customers.sendBye(customer);
                        parts.customers.finish(customer, customer.answeredOutcome(), "BYE from the appliance after the message " + prompt.name());
                    }
                }));
            } catch (SdpException | IllegalArgumentException e) {
                LOG.log(System.Logger.Level.ERROR, "call {0}: cannot play {1}: {2}", call.id(), prompt.name(), e.getMessage());
                parts.customers.sendBye(customer);
                parts.customers.finish(customer, customer.answeredOutcome(), "BYE from the appliance; message not played: " + e.getMessage());
            }
        });
    }

    @Override
    public List<TrunkHealth> health() {
        return running().context.trunks.health();
    }

    @Override
    public void close() {
        Running parts;
        synchronized (this) {
            parts = running;
            running = null;
        }
        if (parts == null) {
            return;
        }
        try {
            parts.thread.submit(() -> {
                parts.customers.all().forEach(call -> {
                    if (call.answered()) {
                        parts.customers.sendBye(call);
                    }
                    parts.customers.finish(call, call.answered() ? call.answeredOutcome() : CallOutcome.CANCELLED, "the driver stopped");
                });
                parts.agents.all().forEach(parts.agents::disconnect);
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "the SIP driver did not end its calls cleanly: {0}", e.toString());
        }
        parts.thread.shutdownNow();
        parts.mediaClock.shutdownNow();
        parts.endpoint.close();
        closeQuietly(parts.media);
    }

    private Running running() {
        Running parts = running;
        if (parts == null) {
            throw new IllegalStateException("the SIP driver is not started");
        }
        return parts;
    }

    private static void closeQuietly(DatagramChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the media port: {0}", e.getMessage());
        }
    }
}
