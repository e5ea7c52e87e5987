package dialer.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code settings} column: a campaign's input without its name and mode (they have columns of
 * their own), in the same JSON form as the API.
 */
final class SettingsJson {
    private static final String NAME = "name";
    private static final String MODE = "mode";

    private final ObjectMapper mapper = new ObjectMapper();

    String write(CampaignInput input) {
        ObjectNode settings = mapper.valueToTree(input);
        settings.remove(NAME);
        settings.remove(MODE);
        return settings.toString();
    }

    /** The input stored in {@code row}. */
    CampaignInput read(CampaignRow row) {
        try {
            ObjectNode settings = (ObjectNode) mapper.readTree(row.settings());
            settings.put(NAME, row.name()).put(MODE, row.mode());
            return mapper.treeToValue(settings, CampaignInput.class);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("The stored settings of campaign " + row.id() + " are unreadable", e);
        }
    }
}
