package dialer.api;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import dialer.api.agent.AgentEventStreams;
import dialer.api.agent.AgentResource;
import dialer.api.agent.CampaignAgentsResource;
import dialer.api.agent.MyAgentResource;
import dialer.api.attempt.AttemptResource;
import dialer.api.auth.AuthenticationFilter;
import dialer.api.campaign.CampaignResource;
import dialer.api.campaign.CampaignStatsResource;
import dialer.api.cli.Version;
import dialer.api.config.DialerConfig;
import dialer.api.config.GatewayConfig;
import dialer.api.contact.CampaignTargets;
import dialer.api.contact.ContactResource;
import dialer.api.contact.ImportResource;
import dialer.api.contact.ImportStatusResource;
import dialer.api.contact.UploadSpooler;
import dialer.api.dnc.DncResource;
import dialer.api.health.HealthResource;
import dialer.api.http.ApiApplication;
import dialer.api.http.HttpServer;
import dialer.api.metrics.Metrics;
import dialer.api.missed.DidGroupResource;
import dialer.api.missed.InboundAnsweredResource;
import dialer.api.missed.MissedCallResource;
import dialer.api.metrics.MetricsResource;
import dialer.api.openapi.OpenApiDocument;
import dialer.api.openapi.OpenApiResource;
import dialer.api.user.ApiKeyResource;
import dialer.api.user.UserResource;
import dialer.apikey.ApiKeyService;
import dialer.agent.AgentDesk;
import dialer.agent.CampaignAgents;
import dialer.contact.ContactService;
import dialer.contact.intake.ContactImportService;
import dialer.contact.intake.ContactPushService;
import dialer.contact.intake.ImportWorkers;
import dialer.contact.intake.RowNormalizer;
import dialer.campaign.CampaignService;
import dialer.contact.ContactPartitions;
import dialer.dnc.DncService;
import dialer.engine.CampaignEngine;
import dialer.engine.EngineSettings;
import dialer.gateway.GatewayDriver;
import dialer.gateway.simulated.SimulatedGatewayDriver;
import dialer.gateway.simulated.SimulatedNetwork;
import dialer.gateway.sip.SipGatewayDriver;
import dialer.gateway.sip.SipTrunk;
import dialer.health.HealthCheck;
import dialer.missed.CallbackCampaigns;
import dialer.missed.DefaultCallbackGroup;
import dialer.missed.DidGroupService;
import dialer.missed.MissedCallIntake;
import dialer.missed.MissedCalls;
import dialer.persistence.Database;
import dialer.persistence.DatabaseHealthCheck;
import dialer.phone.PhoneNumbers;
import dialer.trunk.TrunkHealthCheck;
import dialer.trunk.TrunkMetrics;
import dialer.user.AdminBootstrap;
import dialer.user.PasswordHasher;
import dialer.user.UserService;
import org.glassfish.jersey.server.ResourceConfig;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running appliance: the one place that builds every object, and stops them in reverse order. */
public final class Appliance implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Appliance.class);
    private static final Duration EVENTS_KEEP_ALIVE = Duration.ofSeconds(15);

    private final Metrics metrics;
    private final Database database;
    private final ExecutorService healthExecutor;
    private final ImportWorkers importWorkers;
    private final GatewayDriver gateway;
    private final CampaignEngine engine;
    private final ContactImportService imports;
    private final Path dataDir;
    private final AgentEventStreams agentEvents;
    private final HttpServer http;

    private Appliance(Metrics metrics, Database database, ExecutorService healthExecutor, ImportWorkers importWorkers,
            GatewayDriver gateway, CampaignEngine engine, ContactImportService imports, Path dataDir,
            AgentEventStreams agentEvents, HttpServer http) {
        this.metrics = metrics;
        this.database = database;
        this.healthExecutor = healthExecutor;
        this.importWorkers = importWorkers;
        this.gateway = gateway;
        this.engine = engine;
        this.imports = imports;
        this.dataDir = dataDir;
        this.agentEvents = agentEvents;
        this.http = http;
    }

    /** Starts the database (migrating it), makes sure an admin exists, opens the trunks, then starts serving HTTP. */
    public static Appliance start(DialerConfig config) {
        Metrics metrics = new Metrics();
        Database database = Database.open(config.databaseSettings(), metrics.registry());
        ExecutorService healthExecutor = Executors.newCachedThreadPool();
        ImportWorkers importWorkers = ImportWorkers.create(Runtime.getRuntime().availableProcessors());
        GatewayDriver gateway = gateway(config);
        CampaignEngine engine = null;
        AgentEventStreams agentEvents = null;
        try {
            gateway.start();
            TrunkMetrics.bind(gateway, metrics.registry());
            database.migrate();
            UserService users = new UserService(database.jdbi(), new PasswordHasher());
            ApiKeyService apiKeys = new ApiKeyService(database.jdbi());
            new AdminBootstrap(users, config.data().path()).ensureAdmin(config.admin().initialPassword());
            List<HealthCheck> checks = List.of(new DatabaseHealthCheck(database), new TrunkHealthCheck(gateway));
            CampaignService campaigns = new CampaignService(database.jdbi());
            CampaignTargets targets = new CampaignTargets(campaigns);
            RowNormalizer normalizer = new RowNormalizer(new PhoneNumbers());
            ContactImportService imports = new ContactImportService(database.jdbi(), normalizer, importWorkers);
            UploadSpooler uploads = new UploadSpooler(config.data().path().resolve("uploads"), config.imports().maxBytes());
            int interrupted = imports.failInterrupted();
            int leftovers = uploads.deleteLeftovers();
            if (interrupted + leftovers > 0) {
                LOG.warn("The appliance stopped during {} imports last time: marked failed; {} uploaded files deleted",
                        interrupted, leftovers);
            }
            int orphans = ContactPartitions.dropOrphans(database.jdbi());
            if (orphans > 0) {
                LOG.warn("Dropped {} tables of contacts that campaigns deleted last time had left", orphans);
            }
            DncService dnc = new DncService(database.jdbi(), new PhoneNumbers());
            String node = config.engine().node();
            engine = new CampaignEngine(database.jdbi(), database.dataSource(), gateway,
                    new AgentDesk(database.jdbi(), gateway, Clock.systemUTC(), node), campaigns,
                    (campaignId, number) -> dnc.add(number, Optional.of(campaignId), Optional.empty(), "disposition"),
                    Clock.systemUTC(), node, EngineSettings.defaults(defaultTrunk(config))
                            .withWrapUpLimit(Duration.ofSeconds(config.engine().wrapUpSeconds())));
            engine.start();
            CallbackCampaigns callbackCampaigns = new CallbackCampaigns(campaigns, engine::start);
            DefaultCallbackGroup defaultCallbacks = new DefaultCallbackGroup(database.jdbi(), callbackCampaigns);
            defaultCallbacks.ensure();
            MissedCallIntake missedCallIntake = new MissedCallIntake(database.jdbi(), campaigns, defaultCallbacks,
                    new PhoneNumbers());
            agentEvents = new AgentEventStreams(engine.desk(), EVENTS_KEEP_ALIVE);
            Set<Object> resources = new HashSet<>(List.of(
                    new HealthResource(checks, healthExecutor),
                    new CampaignResource(campaigns, engine),
                    new CampaignStatsResource(campaigns, engine, Clock.systemUTC()),
                    new CampaignAgentsResource(new CampaignAgents(database.jdbi(), engine.desk())),
                    new MyAgentResource(engine.desk(), agentEvents),
                    new AgentResource(engine.desk()),
                    new AttemptResource(engine, users, Clock.systemUTC()),
                    new ImportResource(imports, targets, uploads),
                    new ImportStatusResource(imports, Clock.systemUTC()),
                    new ContactResource(new ContactPushService(database.jdbi(), normalizer),
                            new ContactService(database.jdbi()), targets),
                    new MetricsResource(metrics.registry()),
                    new UserResource(users),
                    new DncResource(dnc, uploads),
                    new ApiKeyResource(apiKeys),
                    new DidGroupResource(new DidGroupService(database.jdbi(), callbackCampaigns, defaultCallbacks,
                            new PhoneNumbers())),
                    new MissedCallResource(missedCallIntake, new MissedCalls(database.jdbi())),
                    new InboundAnsweredResource(missedCallIntake)));
            resources.add(new OpenApiResource(new OpenApiDocument(
                    resources.stream().map(Object::getClass).collect(Collectors.toSet()), Version.current())));
            ResourceConfig application = ApiApplication.create(resources,
                    new AuthenticationFilter(users, apiKeys), metrics.registry());
            HttpServer http = HttpServer.start(config.http().host(), config.http().port(), application,
                    config.http().shutdownTimeout());
            LOG.info("Dialer {} is up on port {} with {}", Version.current(), http.port(), database.describe());
            return new Appliance(metrics, database, healthExecutor, importWorkers, gateway, engine, imports,
                    config.data().path(), agentEvents, http);
        } catch (RuntimeException e) {
            if (agentEvents != null) {
                agentEvents.close();
            }
            if (engine != null) {
                engine.close();
            }
            gateway.close();
            healthExecutor.shutdownNow();
            importWorkers.close();
            database.close();
            metrics.close();
            throw e;
        }
    }

    private static GatewayDriver gateway(DialerConfig config) {
        if (GatewayConfig.SIP.equals(config.gateway().driver())) {
            return new SipGatewayDriver(config.gateway().sipSettings(config.data().path()));
        }
        SimulatedNetwork typical = SimulatedNetwork.typical();
        SimulatedNetwork network = new SimulatedNetwork(typical.liveAnswerRate(), typical.machineRate(), typical.busyRate(),
                typical.invalidRate(), typical.ringMeanSeconds(), typical.talkMeanSeconds(), typical.silenceSeconds(),
                typical.maxChannels(), config.gateway().simulated().speed());
        return new SimulatedGatewayDriver(network, System.nanoTime());
    }

    /** The trunk of campaigns that name none: the simulated one, or the first SIP trunk by failover order. */
    private static String defaultTrunk(DialerConfig config) {
        if (GatewayConfig.SIP.equals(config.gateway().driver())) {
            return config.gateway().sipSettings(config.data().path()).trunks().stream()
                    .min(Comparator.comparingInt(SipTrunk::order)).map(SipTrunk::name).orElse(SimulatedGatewayDriver.TRUNK);
        }
        return SimulatedGatewayDriver.TRUNK;
    }

    /** This node's campaign engine. */
    public CampaignEngine engine() {
        return engine;
    }

    /** The appliance's database. */
    public Jdbi jdbi() {
        return database.jdbi();
    }

    /** CSV list imports. */
    public ContactImportService imports() {
        return imports;
    }

    /** The data directory. */
    public Path dataDir() {
        return dataDir;
    }

    /** The HTTP port actually bound. */
    public int httpPort() {
        return http.port();
    }

    /** Ends the agents' event streams, stops taking requests, lets those in flight finish, then stops the database. */
    @Override
    public void close() {
        LOG.info("Dialer is stopping");
        agentEvents.close();
        http.close();
        engine.close();
        gateway.close();
        healthExecutor.shutdownNow();
        importWorkers.close();
        database.close();
        metrics.close();
        LOG.info("Dialer stopped");
    }
}
