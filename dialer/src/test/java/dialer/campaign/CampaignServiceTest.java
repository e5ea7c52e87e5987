package dialer.campaign;

import static dialer.campaign.CampaignInputs.minimal;
import static dialer.campaign.CampaignInputs.power;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;

import dialer.campaign.CampaignInput.RetryRuleInput;
import dialer.campaign.CampaignInput.RetryRulesInput;
import dialer.campaign.CampaignInput.ScheduleInput;
import dialer.contact.ContactPartitions;
import dialer.testing.TestDatabase;
import dialer.validation.ConflictException;
import dialer.validation.FieldError;
import dialer.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CampaignServiceTest {
    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private final CampaignService campaigns = new CampaignService(DB.jdbi());

    @Test
    void fillsInEveryDefaultAndReadsBackWhatItStored() {
        Campaign created = campaigns.create(minimal("  Defaults  "));

        assertThat(created.name()).isEqualTo("Defaults");
        assertThat(created.mode()).isEqualTo(Mode.PROGRESSIVE);
        assertThat(created.state()).isEqualTo(CampaignState.DRAFT);
        assertThat(created.defaultRegion()).isEqualTo("RU");
        assertThat(created.fallbackTimeZone()).isEqualTo(ZoneId.of("Europe/Moscow"));
        CampaignSettings settings = created.settings();
        assertThat(settings.dialRatio()).isEmpty();
        assertThat(settings.targetAbandonRate()).isEqualTo(0.03);
        assertThat(settings.abandonWindow()).isEqualTo(AbandonWindow.DAYS_30);
        assertThat(settings.schedule()).isEqualTo(new CallingHours(
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), LocalTime.of(9, 0), LocalTime.of(20, 0)));
        assertThat(settings.retryRules()).isEqualTo(RetryRules.DEFAULT);
        assertThat(settings.maxAttemptsTotal()).isEqualTo(10);
        assertThat(settings.maxAttemptsPer30Days()).isEqualTo(10);
        assertThat(settings.callerId()).isEmpty();
        assertThat(settings.trunk()).isEmpty();
        assertThat(campaigns.find(created.id())).contains(created);
        assertThat(campaigns.list()).contains(created);
    }

    @Test
    void storesTheSettingsAsTheApiWritesThem() {
        Campaign created = campaigns.create(new CampaignInput("Stored form", "power", 2.5, 0.02, "24h",
                new ScheduleInput(List.of("fri", "mon"), "10:30", "19:00"), "us", "America/Chicago",
                new RetryRulesInput(new RetryRuleInput(5, null), null, null, null, null), 6, null,
                "+74951234567", " trunk-1 "));

        String stored = DB.jdbi().withHandle(h -> h.createQuery("SELECT settings::text FROM campaigns WHERE id = :id")
                .bind("id", created.id()).mapTo(String.class).one());
        assertThat(stored).contains("\"dialRatio\": 2.5", "\"abandonWindow\": \"24h\"", "\"defaultRegion\": \"US\"",
                "\"days\": [\"mon\", \"fri\"]", "\"start\": \"10:30\"", "\"trunk\": \"trunk-1\"")
                .doesNotContain("\"name\"", "\"mode\"");
        assertThat(created.settings().dialRatio()).isEqualTo(OptionalDouble.of(2.5));
        assertThat(created.settings().retryRules().busy()).isEqualTo(new RetryRule(5, 3));
        assertThat(created.settings().maxAttemptsPer30Days()).isEqualTo(6);
        assertThat(created.input().defaultRegion()).isEqualTo("US");
    }

    @Test
    void namesEveryBadFieldAtOnce() {
        CampaignInput bad = new CampaignInput(" ", "turbo", 7.0, 0.5, "1w",
                new ScheduleInput(List.of("mon", "funday"), "07:30", "21:30"), "XX", "Mars/Olympus",
                new RetryRulesInput(new RetryRuleInput(0, -1), null, null, null, new RetryRuleInput(null, 101)),
                0, 0, "8 495 123-45-67", " ");

        assertThatThrownBy(() -> campaigns.create(bad)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly(
                        "name", "mode", "dialRatio", "targetAbandonRate", "abandonWindow", "schedule.days[1]",
                        "schedule.start", "schedule.end", "defaultRegion", "fallbackTimeZone",
                        "retryRules.busy.delayMinutes", "retryRules.busy.maxRetries", "retryRules.failed.maxRetries",
                        "maxAttemptsTotal", "maxAttemptsPer30Days", "callerId", "trunk"));
        assertThatThrownBy(() -> campaigns.create(new CampaignInput(null, null, null, null, null, null, null, null,
                null, null, null, null, null))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("name", "mode", "defaultRegion", "fallbackTimeZone"));
    }

    @Test
    void dialRatioBelongsToPowerModeOnly() {
        assertThat(campaigns.create(power("Power 5", 5.0)).settings().dialRatio()).hasValue(5.0);
        for (Double ratio : new Double[] {null, 1.0, 5.01}) {
            assertThatThrownBy(() -> campaigns.create(power("Power bad", ratio)))
                    .as("ratio %s", ratio).hasMessageStartingWith("dialRatio: ");
        }
        assertThatThrownBy(() -> campaigns.create(new CampaignInput("Preview with ratio", "preview", 2.0, null, null,
                null, "RU", "Europe/Moscow", null, null, null, null, null)))
                .hasMessage("dialRatio: is for power mode only; leave it out or set it to null");
    }

    @Test
    void capsThe30DayAttemptsAtTheTotal() {
        CampaignInput few = new CampaignInput("Few attempts", "preview", null, null, null, null, "RU", "Europe/Moscow",
                null, 3, null, null, null);
        assertThat(campaigns.create(few).settings().maxAttemptsPer30Days()).isEqualTo(3);
        assertThatThrownBy(() -> campaigns.create(new CampaignInput("Too many", "preview", null, null, null, null, "RU",
                "Europe/Moscow", null, 3, 4, null, null))).hasMessage("maxAttemptsPer30Days: must be 1 to maxAttemptsTotal (3)");
    }

    @Test
    void refusesATakenNameWhateverItsCase() {
        campaigns.create(minimal("Taken"));
        Campaign other = campaigns.create(minimal("Other"));

        assertThatThrownBy(() -> campaigns.create(minimal("TAKEN")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> campaigns.update(other.id(), input -> minimal("taken")))
                .isInstanceOf(ConflictException.class);
        assertThat(campaigns.find(other.id()).orElseThrow().name()).isEqualTo("Other");
    }

    @Test
    void updatesTheWholeInputAndChecksItAgain() {
        Campaign created = campaigns.create(minimal("To change"));

        Campaign changed = campaigns.update(created.id(), input -> power(input.name(), 3.0)).orElseThrow();
        assertThat(changed.mode()).isEqualTo(Mode.POWER);
        assertThat(changed.settings().dialRatio()).hasValue(3.0);
        assertThat(changed.createdAt()).isEqualTo(created.createdAt());
        assertThat(changed.updatedAt()).isAfterOrEqualTo(created.updatedAt());
        assertThatThrownBy(() -> campaigns.update(created.id(), input -> power(input.name(), null)))
                .hasMessage("dialRatio: is required in power mode");
        assertThat(campaigns.find(created.id())).contains(changed);
        assertThat(campaigns.update(987_654, input -> input)).isEmpty();
    }

    @Test
    void deletesWithContactsButNeverARunningCampaign() {
        Campaign done = campaigns.create(minimal("Delete me"));
        Campaign running = campaigns.create(minimal("Running"));
        DB.jdbi().useHandle(h -> {
            ContactPartitions.ensure(h, done.id());
            h.execute("INSERT INTO contacts (campaign_id, phone_e164) VALUES (?, '+74951234567')", done.id());
            h.execute("UPDATE campaigns SET state = 'running' WHERE id = ?", running.id());
        });

        assertThat(campaigns.delete(done.id())).isTrue();
        assertThat(campaigns.find(done.id())).isEmpty();
        int contacts = DB.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM contacts WHERE campaign_id = :id")
                .bind("id", done.id()).mapTo(Integer.class).one());
        assertThat(contacts).isZero();
        assertThat(DB.jdbi().<Boolean, RuntimeException>withHandle(h -> ContactPartitions.exists(h, done.id()))).as("its table is dropped").isFalse();
        assertThat(campaigns.delete(done.id())).isFalse();
        assertThatThrownBy(() -> campaigns.delete(running.id()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("state"));
        assertThat(campaigns.find(running.id()).map(Campaign::state)).contains(CampaignState.RUNNING);
        assertThat(campaigns.list()).extracting(Campaign::name).contains("Running").doesNotContain("Delete me");
    }
}
