package dialer.contact.intake;

import dialer.contact.ContactPartitions;
import org.jdbi.v3.core.Handle;

/** What intake into a campaign holds while it screens and stores, until its transaction ends. */
final class IntakeLocks {
    private IntakeLocks() {
    }

    /**
     * Waits for, then holds off, other intake into the campaign and changes to the do-not-call list, so
     * that neither a number listed meanwhile nor a contact stored meanwhile slips past the screening; the
     * campaign cannot be deleted meanwhile either.
     *
     * @throws CampaignDeletedException when the campaign is gone
     */
    static void hold(Handle handle, long campaignId) {
        ContactPartitions.lockIntake(handle, campaignId);
        if (handle.createQuery("SELECT 1 FROM campaigns WHERE id = :id FOR KEY SHARE").bind("id", campaignId)
                .mapTo(Integer.class).findOne().isEmpty()) {
            throw new CampaignDeletedException(campaignId);
        }
        handle.execute("LOCK TABLE dnc_entries IN SHARE MODE");
    }
}
