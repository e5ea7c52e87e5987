package dialer.campaign;

import dialer.campaign.CampaignInput.ScheduleInput;

/** Campaign inputs for tests: the fewest fields a valid campaign needs, and ways to change one. */
final class CampaignInputs {
    private CampaignInputs() {
    }

    static CampaignInput minimal(String name) {
        return new CampaignInput(name, "progressive", null, null, null, null, "RU", "Europe/Moscow", null, null,
                null, null, null);
    }

    static CampaignInput power(String name, Double dialRatio) {
        CampaignInput input = minimal(name);
        return new CampaignInput(input.name(), "power", dialRatio, null, null, null, input.defaultRegion(),
                input.fallbackTimeZone(), null, null, null, null, null);
    }

    static CampaignInput withSchedule(CampaignInput input, ScheduleInput schedule) {
        return new CampaignInput(input.name(), input.mode(), input.dialRatio(), input.targetAbandonRate(),
                input.abandonWindow(), schedule, input.defaultRegion(), input.fallbackTimeZone(), input.retryRules(),
                input.maxAttemptsTotal(), input.maxAttemptsPer30Days(), input.callerId(), input.trunk());
    }
}
