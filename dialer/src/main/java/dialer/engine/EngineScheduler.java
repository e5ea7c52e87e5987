package dialer.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

import javax.sql.DataSource;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz, with its JDBC JobStore in the appliance's database and clustered: every node runs a scheduler
 * of the same name, and Quartz gives each firing to one of them, and a dead node's to another. Two kinds
 * of jobs: each running campaign's dial loop, which keeps that campaign dialling on the node that fires it,
 * and the housekeeping (expired leases, contacts whose retry or callback time came, finished campaigns).
 */
final class EngineScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EngineScheduler.class);
    private static final String DATA_SOURCE = "dialer";
    private static final String DIAL_GROUP = "dial-loop";
    private static final JobKey HOUSEKEEPING = JobKey.jobKey("housekeeping", "engine");

    private final Scheduler scheduler;

    EngineScheduler(DataSource dataSource, String nodeId, CampaignEngine engine, int housekeepingSeconds) {
        DBConnectionManager.getInstance().addConnectionProvider(DATA_SOURCE, new PooledConnections(dataSource));
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", "dialer");
        properties.setProperty("org.quartz.scheduler.instanceId", nodeId);
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.setProperty("org.quartz.threadPool.threadCount", "4");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.setProperty("org.quartz.jobStore.dataSource", DATA_SOURCE);
        properties.setProperty("org.quartz.jobStore.tablePrefix", "qrtz_");
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
        properties.setProperty("org.quartz.jobStore.misfireThreshold", "5000");
        try {
            scheduler = new StdSchedulerFactory(properties).getScheduler();
            scheduler.setJobFactory((bundle, ignored) -> bundle.getJobDetail().getKey().equals(HOUSEKEEPING)
                    ? new HousekeepingJob(engine) : new DialLoopJob(engine));
            scheduler.addJob(JobBuilder.newJob(HousekeepingJob.class).withIdentity(HOUSEKEEPING).storeDurably().build(), true);
            TriggerKey housekeepingTrigger = TriggerKey.triggerKey("housekeeping", "engine");
            if (!scheduler.checkExists(housekeepingTrigger)) {
                scheduler.scheduleJob(TriggerBuilder.newTrigger().withIdentity(housekeepingTrigger).forJob(HOUSEKEEPING)
                        .withSchedule(SimpleScheduleBuilder.repeatSecondlyForever(housekeepingSeconds)
                                .withMisfireHandlingInstructionNextWithRemainingCount())
                        .build());
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz could not start: " + e.getMessage(), e);
        }
    }

    void start() {
        try {
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz could not start: " + e.getMessage(), e);
        }
    }

    /**
     * Fires the campaign's dial loop every second from now on, on whichever node Quartz picks, unless it is
     * fired already (the start of a campaign and housekeeping may both ask).
     */
    void scheduleDialLoop(long campaignId) {
        JobKey job = JobKey.jobKey(Long.toString(campaignId), DIAL_GROUP);
        try {
            if (scheduler.checkExists(job)) {
                return;
            }
            scheduler.scheduleJob(JobBuilder.newJob(DialLoopJob.class).withIdentity(job)
                            .usingJobData(DialLoopJob.CAMPAIGN, campaignId).build(),
                    TriggerBuilder.newTrigger().withIdentity(Long.toString(campaignId), DIAL_GROUP).startNow()
                            .withSchedule(SimpleScheduleBuilder.repeatSecondlyForever(1)
                                    .withMisfireHandlingInstructionNextWithRemainingCount())
                            .build());
        } catch (ObjectAlreadyExistsException e) {
            LOG.debug("The dial loop of campaign {} was scheduled meanwhile", campaignId);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz could not schedule campaign " + campaignId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stops firing the campaign's dial loop. The loop also removes itself when it finds its campaign no
     * longer running, so the two may race: whichever comes second finds nothing to do.
     */
    void unscheduleDialLoop(long campaignId) {
        JobKey job = JobKey.jobKey(Long.toString(campaignId), DIAL_GROUP);
        try {
            scheduler.deleteJob(job);
        } catch (SchedulerException e) {
            try {
                if (scheduler.checkExists(job)) {
                    throw new IllegalStateException("Quartz could not unschedule campaign " + campaignId + ": " + e.getMessage(), e);
                }
            } catch (SchedulerException again) {
                throw new IllegalStateException("Quartz could not unschedule campaign " + campaignId + ": " + again.getMessage(), again);
            }
        }
    }

    /** Stops this node's scheduler, letting the jobs that run finish; the cluster's jobs stay for the other nodes. */
    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz did not stop cleanly: " + e.getMessage(), e);
        }
    }

    /** Keeps the campaign dialling on this node for the next few seconds. */
    @DisallowConcurrentExecution
    static final class DialLoopJob implements Job {
        static final String CAMPAIGN = "campaign";
        private final CampaignEngine engine;

        DialLoopJob(CampaignEngine engine) {
            this.engine = engine;
        }

        @Override
        public void execute(JobExecutionContext context) {
            engine.dialLoopFired(context.getMergedJobDataMap().getLong(CAMPAIGN));
        }
    }

    /** Closes expired leases, recycles contacts whose time came, and completes finished campaigns. */
    @DisallowConcurrentExecution
    static final class HousekeepingJob implements Job {
        private final CampaignEngine engine;

        HousekeepingJob(CampaignEngine engine) {
            this.engine = engine;
        }

        @Override
        public void execute(JobExecutionContext context) {
            engine.housekeeping();
        }
    }

    /** Quartz's connections come from the appliance's pool. */
    private record PooledConnections(DataSource dataSource) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // the pool is the appliance's, closed with the database
        }

        @Override
        public void initialize() {
            // nothing to set up: the pool is open already
        }
    }
}
