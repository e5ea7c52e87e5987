package dialer.campaign;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dialer.agent.AgentSelection;
import dialer.attempt.Disposition;
import dialer.campaign.CampaignInput.DispositionInput;
import dialer.validation.FieldErrors;

/**
 * Reads how a campaign's calls reach its agents: {@code agentSelection} (default {@code longest-idle}),
 * {@code wrapUpSeconds} (default: the appliance's), and {@code dispositions} (default
 * {@link Disposition#DEFAULTS}; {@code no-disposition}, which the engine sets when wrap-up runs out, is
 * added when missing).
 */
final class AgentHandlingParser {
    static final int MIN_WRAP_UP_SECONDS = 5;
    static final int MAX_WRAP_UP_SECONDS = 3600;
    static final int MAX_DISPOSITIONS = 50;

    private AgentHandlingParser() {
    }

    static Optional<AgentSelection> selection(String code, FieldErrors errors) {
        Optional<AgentSelection> selection = code == null ? Optional.of(AgentSelection.LONGEST_IDLE) : AgentSelection.fromCode(code);
        errors.check(selection.isPresent(), "agentSelection", "unknown agentSelection '" + code + "'; known: "
                + List.of(AgentSelection.values()).stream().map(AgentSelection::code).toList());
        return selection;
    }

    static Optional<Duration> wrapUp(Integer seconds, FieldErrors errors) {
        errors.check(seconds == null || seconds >= MIN_WRAP_UP_SECONDS && seconds <= MAX_WRAP_UP_SECONDS, "wrapUpSeconds",
                "must be " + MIN_WRAP_UP_SECONDS + " to " + MAX_WRAP_UP_SECONDS + ", or left out for the appliance's default");
        return Optional.ofNullable(seconds).map(Duration::ofSeconds);
    }

    static List<Disposition> dispositions(List<DispositionInput> inputs, FieldErrors errors) {
        if (inputs == null) {
            return Disposition.DEFAULTS;
        }
        errors.check(!inputs.isEmpty() && inputs.size() <= MAX_DISPOSITIONS, "dispositions",
                "must list 1 to " + MAX_DISPOSITIONS + " dispositions, or be left out for the defaults");
        List<Disposition> dispositions = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            String field = "dispositions[" + i + "]";
            DispositionInput input = inputs.get(i);
            if (input == null) {
                errors.check(false, field, "must not be null");
                continue;
            }
            Optional<Disposition.Kind> kind = input.kind() == null ? Optional.empty() : Disposition.Kind.fromCode(input.kind());
            errors.check(kind.isPresent(), field + ".kind", "must be final, retry, callback or dnc");
            errors.check(input.code() != null && input.code().matches("[a-z0-9][a-z0-9-]{0,39}"), field + ".code",
                    "must be 1 to 40 lower-case letters, digits and '-'");
            errors.check(input.code() == null || codes.add(input.code()), field + ".code", "repeats '" + input.code() + "'");
            boolean retry = kind.filter(Disposition.Kind.RETRY::equals).isPresent();
            int minutes = input.retryMinutes() == null ? 0 : input.retryMinutes();
            errors.check(!retry || minutes >= 1 && minutes <= RetryRulesParser.MAX_DELAY_MINUTES, field + ".retryMinutes",
                    "is required for a retry: 1 to " + RetryRulesParser.MAX_DELAY_MINUTES);
            errors.check(retry || input.retryMinutes() == null, field + ".retryMinutes", "is for retry dispositions only");
            if (kind.isPresent() && input.code() != null && input.code().matches("[a-z0-9][a-z0-9-]{0,39}")
                    && (!retry || minutes >= 1 && minutes <= RetryRulesParser.MAX_DELAY_MINUTES)) {
                dispositions.add(new Disposition(input.code(), kind.get(), retry ? minutes : 0));
            }
        }
        if (!codes.contains(Disposition.NONE_GIVEN.code())) {
            dispositions.add(Disposition.NONE_GIVEN);
        }
        return dispositions;
    }
}
