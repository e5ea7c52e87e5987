package dialer.gateway.sip;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

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
    /** How long the stack is left to send the last BYEs and CANCELs at close. */
    private static final long LAST_MESSAGES_MILLIS = 200;

    private final SipSettings settings;
    private final AtomicLong ids = new AtomicLong();
    private volatile Running running;

    public SipGatewayDriver(SipSettings settings) {
        this.settings = settings;
    }

    /** The parts that live between start and close. */
    private record Running(SipEndpoint endpoint, SipContext context, CustomerCalls customers, AgentLegs agents, Bridges bridges,
            SafeHarbour safeHarbour, ScheduledThreadPoolExecutor thread, ScheduledThreadPoolExecutor mediaClock, DatagramChannel media) {
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
        // legs and calls tell each other when one side goes, through the bridges made last
        Bridges[] bridges = new Bridges[1];
        AgentLegs agents = new AgentLegs(context, call -> bridges[0].legDropped(call));
        CustomerCalls customers = new CustomerCalls(context, agents::customerLeft);
        bridges[0] = new Bridges(context, customers, agents);
        events.attach(context);
        SafeHarbour safeHarbour = new SafeHarbour(customers, bridges[0], new PromptLibrary(settings.promptDirectory()),
                new RtpPlayer(media, mediaClock), thread);
        Running parts = new Running(endpoint, context, customers, agents, bridges[0], safeHarbour, thread, mediaClock, media);
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
        CustomerCall call = new CustomerCall(handle, new ContainedCallListener(listener));
        execute(parts, () -> parts.customers.place(call));
        return handle;
    }

    @Override
    public AgentLeg connectAgent(String agentPhoneUri, AgentLegListener listener) {
        Running parts = running();
        AgentLeg leg = new AgentLeg("sip-agent-" + ids.incrementAndGet(), agentPhoneUri);
        AgentPhoneLeg phoneLeg = new AgentPhoneLeg(leg, new ContainedLegListener(listener));
        execute(parts, () -> parts.agents.connect(phoneLeg));
        return leg;
    }

    @Override
    public void disconnectAgent(AgentLeg agent) {
        Running parts = running();
        execute(parts, () -> {
            AgentPhoneLeg leg = parts.agents.get(agent);
            if (leg != null) {
                parts.agents.disconnect(leg);
            }
        });
    }

    @Override
    public void bridge(CallHandle customer, AgentLeg agent) {
        Running parts = running();
        execute(parts, () -> {
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
        execute(parts, () -> {
            CustomerCall customer = parts.customers.get(call);
            if (customer != null) {
                parts.customers.hangup(customer);
            }
        });
    }

    @Override
    public void playAndHangup(CallHandle call, Prompt prompt) {
        Running parts = running();
        execute(parts, () -> {
            CustomerCall customer = parts.customers.get(call);
            if (customer != null) {
                parts.safeHarbour.play(customer, prompt);
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
            parts.thread.submit(() -> endEverything(parts)).get(5, TimeUnit.SECONDS);
            Thread.sleep(LAST_MESSAGES_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "the SIP driver did not end its calls cleanly: {0}", e.toString());
        }
        parts.thread.shutdownNow();
        parts.mediaClock.shutdownNow();
        parts.endpoint.close();
        closeQuietly(parts.media);
    }

    /** Hangs up every call (CANCEL while it rings, BYE once answered) and every agent leg; their listeners hear it. */
    private static void endEverything(Running parts) {
        for (CustomerCall call : parts.customers.all()) {
            if (call.answered()) {
                parts.customers.sendBye(call);
                parts.customers.finish(call, call.answeredOutcome(), "the driver stopped");
            } else {
                if (call.state == CustomerCall.State.INVITING && call.attempt.provisional) {
                    parts.customers.cancel(call, call.attempt);
                }
                parts.customers.finish(call, CallOutcome.CANCELLED, "the driver stopped");
            }
        }
        parts.agents.all().forEach(parts.agents::disconnect);
    }

    private static void execute(Running parts, Runnable task) {
        try {
            parts.thread.execute(task);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("the SIP driver is stopped", e);
        }
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
