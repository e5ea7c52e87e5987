package dialer.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import dialer.agent.AgentSelection;
import dialer.attempt.Disposition;
import dialer.campaign.CampaignInput.DispositionInput;
import dialer.testing.TestDatabase;
import dialer.validation.FieldError;
import dialer.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A campaign's agent settings: how its agents are chosen, how long they wrap up, which dispositions they set. */
class AgentHandlingSettingsTest {
    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private final CampaignService campaigns = new CampaignService(DB.jdbi());

    @Test
    void defaultsToLongestIdleTheAppliancesWrapUpAndTheDefaultDispositions() {
        CampaignSettings settings = campaigns.create(CampaignInputs.minimal("agent defaults")).settings();

        assertThat(settings.agentSelection()).isEqualTo(AgentSelection.LONGEST_IDLE);
        assertThat(settings.wrapUp()).isEmpty();
        assertThat(settings.dispositions()).isEqualTo(Disposition.DEFAULTS);
    }

    @Test
    void keepsTheCampaignsOwnAndAddsTheDispositionTheEngineSetsAtTheEndOfWrapUp() {
        Campaign created = campaigns.create(with(CampaignInputs.minimal("own agents"), "most-qualified-first", 45, List.of(
                new DispositionInput("paid", "final", null), new DispositionInput("think-it-over", "retry", 2880),
                new DispositionInput("call-me", "callback", null), new DispositionInput("stop", "dnc", null))));

        CampaignSettings settings = campaigns.find(created.id()).orElseThrow().settings();
        assertThat(settings.agentSelection()).isEqualTo(AgentSelection.MOST_QUALIFIED_FIRST);
        assertThat(settings.wrapUp()).contains(Duration.ofSeconds(45));
        assertThat(settings.dispositions()).containsExactly(new Disposition("paid", Disposition.Kind.FINAL, 0),
                new Disposition("think-it-over", Disposition.Kind.RETRY, 2880),
                new Disposition("call-me", Disposition.Kind.CALLBACK, 0), new Disposition("stop", Disposition.Kind.DNC, 0),
                Disposition.NONE_GIVEN);
        assertThat(created.input().dispositions()).hasSize(5);
        assertThat(created.input().agentSelection()).isEqualTo("most-qualified-first");
    }

    @Test
    void namesEachBadAgentSetting() {
        CampaignInput bad = with(CampaignInputs.minimal("bad agents"), "loudest", 2, List.of(
                new DispositionInput("ok", "final", null), new DispositionInput("ok", "later", null),
                new DispositionInput("Bad Code", "retry", null)));

        assertThatThrownBy(() -> campaigns.create(bad)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("agentSelection",
                        "wrapUpSeconds", "dispositions[1].kind", "dispositions[1].code", "dispositions[2].code",
                        "dispositions[2].retryMinutes"));
        assertThat(Arrays.stream(AgentSelection.values()).map(AgentSelection::code))
                .containsExactly("longest-idle", "most-qualified-first", "qualification-groups");
    }

    private static CampaignInput with(CampaignInput input, String selection, Integer wrapUpSeconds, List<DispositionInput> dispositions) {
        return new CampaignInput(input.name(), input.mode(), input.dialRatio(), input.targetAbandonRate(), input.abandonWindow(),
                input.schedule(), input.defaultRegion(), input.fallbackTimeZone(), input.retryRules(), input.maxAttemptsTotal(),
                input.maxAttemptsPer30Days(), input.callerId(), input.trunk(), selection, wrapUpSeconds, dispositions);
    }
}
