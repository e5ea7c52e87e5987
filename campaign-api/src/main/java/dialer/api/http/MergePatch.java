package dialer.api.http;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dialer.validation.FieldError;
import dialer.validation.InvalidInputException;

/**
 * A JSON Merge Patch (RFC 7396) sent by a client: the fields it names replace the current ones, objects
 * merge field by field, and {@code null} removes a field.
 */
public final class MergePatch {
    /** The patch's own media type; {@code application/json} is taken as a merge patch too. */
    public static final String MEDIA_TYPE = "application/merge-patch+json";
    private static final ObjectMapper JSON = new JsonMapperProvider().getContext(Object.class);

    private final ObjectNode patch;

    private MergePatch(ObjectNode patch) {
        this.patch = patch;
    }

    /** @throws InvalidInputException when the body is not a JSON object */
    public static MergePatch of(JsonNode body) {
        if (!(RequestBodies.required(body) instanceof ObjectNode object)) {
            throw new InvalidInputException(List.of(new FieldError("body", "a JSON object is required")));
        }
        return new MergePatch(object);
    }

    /**
     * {@code current} with this patch applied, read back as {@code type} the way the API reads bodies.
     *
     * @throws InvalidInputException naming a field that {@code type} does not have or whose value does not fit
     */
    public <T> T applyTo(T current, Class<T> type) {
        try {
            return JSON.treeToValue(merge(JSON.valueToTree(current), patch), type);
        } catch (JsonMappingException e) {
            throw new InvalidInputException(List.of(JsonFieldErrors.of(e)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always reads", e);
        }
    }

    private static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : JSON.createObjectNode();
        patch.properties().forEach(field -> {
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
            }
        });
        return result;
    }
}
