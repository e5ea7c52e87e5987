package dialer.missed;

import java.util.Optional;

import dialer.campaign.CampaignState;
import org.jdbi.v3.core.Jdbi;

/**
 * The default callback group: auto mode, no numbers of its own, its own campaign; it takes the missed calls
 * to numbers of no group. {@link #ensure} makes it when missing, once per database however many nodes start
 * at once. Its campaign calls numbers written without a country code as Russian ones, in Moscow's time when
 * the number names no zone, until a manager changes the campaign; new groups take the same by default.
 */
public final class DefaultCallbackGroup {
    static final String NAME = "default";
    static final String REGION = "RU";
    static final String TIME_ZONE = "Europe/Moscow";
    /** First key of the advisory lock under which a node looks for the default group and makes it. */
    private static final int LOCK_NAMESPACE = 0x0CA11B;

    private final Jdbi jdbi;
    private final CallbackCampaigns callbackCampaigns;

    public DefaultCallbackGroup(Jdbi jdbi, CallbackCampaigns callbackCampaigns) {
        this.jdbi = jdbi;
        this.callbackCampaigns = callbackCampaigns;
    }

    /**
     * Makes the default group and its campaign unless they exist, and starts the campaign while it is a draft
     * (a node that stopped between the two finishes the job); a campaign a manager paused or stopped stays so.
     */
    public DidGroup ensure() {
        DidGroup group = jdbi.inTransaction(handle -> {
            handle.execute("SELECT pg_advisory_xact_lock(?, 0)", LOCK_NAMESPACE);
            DidGroupDao dao = handle.attach(DidGroupDao.class);
            Optional<DidGroup> existing = dao.findDefault();
            if (existing.isPresent()) {
                return existing.get();
            }
            long campaignId = callbackCampaigns.create(handle, NAME, CallbackMode.AUTO, REGION, TIME_ZONE).id();
            dao.insert(NAME, CallbackMode.AUTO.code(), DidGroupService.DEFAULT_DEADLINE_MINUTES, campaignId, true)
                    .orElseThrow(() -> new IllegalStateException("a DID group named '" + NAME + "' is not the default one"));
            return dao.findDefault().orElseThrow();
        });
        if (callbackCampaigns.service().find(group.campaignId()).orElseThrow().state() == CampaignState.DRAFT) {
            callbackCampaigns.start(group.campaignId());
        }
        return group;
    }

    /** The default group; made again when a manager deleted its campaign (and so the group) since the start. */
    DidGroup get() {
        return jdbi.withExtension(DidGroupDao.class, DidGroupDao::findDefault).orElseGet(this::ensure);
    }
}
