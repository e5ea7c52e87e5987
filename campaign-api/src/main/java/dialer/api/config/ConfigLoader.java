package dialer.api.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads the configuration: the bundled defaults, overlaid by the YAML file, overlaid by environment
 * variables ({@code DIALER_} + the key in upper case, {@code .} and {@code -} as {@code _}). Every
 * error names the key, what is wrong, and where the value came from.
 */
public final class ConfigLoader {
    /** The file read when no {@code --config} is given, if it exists in the working directory. */
    public static final String DEFAULT_FILE = "dialer.yaml";
    private static final String DEFAULTS = "defaults.yaml";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    private final Map<String, String> environment;

    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The environment variable that sets {@code key}. */
    public static String environmentVariable(String key) {
        return "DIALER_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /**
     * Loads the configuration.
     *
     * @param file       the file named by {@code --config}, which must exist; empty to use
     *                   {@code dialer.yaml} in {@code workingDir} when there is one
     * @throws ConfigException naming the key and what is wrong
     */
    public DialerConfig load(Optional<Path> file, Path workingDir) {
        ObjectNode tree = readDefaults();
        List<String> keys = leafKeys(tree, "");
        Map<String, String> sources = new HashMap<>();
        keys.forEach(key -> sources.put(key, "default"));
        Optional<Path> source = file.or(() -> Optional.of(workingDir.resolve(DEFAULT_FILE)).filter(Files::exists));
        if (file.isPresent() && !Files.isRegularFile(file.get())) {
            throw new ConfigException("The configuration file " + file.get() + " does not exist");
        }
        source.ifPresent(path -> merge(tree, readFile(path), "", sources, "in " + path));
        for (String key : keys) {
            String value = environment.get(environmentVariable(key));
            if (value != null) {
                set(tree, key, value);
                sources.put(key, "from " + environmentVariable(key));
            }
        }
        DialerConfig config = bind(tree, sources);
        ConfigValidator.validate(config, sources);
        return config;
    }

    private ObjectNode readDefaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
            return (ObjectNode) yaml.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("The bundled " + DEFAULTS + " cannot be read", e);
        }
    }

    private JsonNode readFile(Path path) {
        try {
            JsonNode node = yaml.readTree(path.toFile());
            if (node == null || node.isMissingNode() || node.isNull()) {
                return yaml.createObjectNode();
            }
            if (!node.isObject()) {
                throw new ConfigException(path + ": the top level must be a mapping of keys, like 'http:'");
            }
            return node;
        } catch (JacksonException e) {
            throw new ConfigException(path + " is not valid YAML: " + e.getOriginalMessage()
                    + locationOf(e), e);
        } catch (IOException e) {
            throw new ConfigException("The configuration file " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static String locationOf(JacksonException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static void merge(ObjectNode target, JsonNode overlay, String prefix, Map<String, String> sources,
            String source) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix + field.getKey();
            JsonNode existing = target.get(field.getKey());
            if (existing != null && existing.isObject() && field.getValue().isObject()) {
                merge((ObjectNode) existing, field.getValue(), key + ".", sources, source);
            } else {
                target.set(field.getKey(), field.getValue());
                sources.put(key, source);
            }
        }
    }

    private static List<String> leafKeys(JsonNode node, String prefix) {
        List<String> keys = new ArrayList<>();
        node.fields().forEachRemaining(field -> {
            if (field.getValue().isObject()) {
                keys.addAll(leafKeys(field.getValue(), prefix + field.getKey() + "."));
            } else {
                keys.add(prefix + field.getKey());
            }
        });
        return keys;
    }

    private static void set(ObjectNode tree, String key, String value) {
        String[] parts = key.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            node = (ObjectNode) node.get(parts[i]);
        }
        node.set(parts[parts.length - 1], TextNode.valueOf(value));
    }

    private DialerConfig bind(ObjectNode tree, Map<String, String> sources) {
        try {
            return yaml.treeToValue(tree, DialerConfig.class);
        } catch (UnrecognizedPropertyException e) {
            String key = keyOf(e);
            throw new ConfigException("Invalid configuration: " + key + ": unknown key "
                    + sources.getOrDefault(key, "") + "; known keys here: "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")), e);
        } catch (InvalidFormatException e) {
            String key = keyOf(e);
            throw new ConfigException("Invalid configuration: " + key + ": '" + e.getValue() + "' is not "
                    + describe(e.getTargetType()) + " (" + sources.getOrDefault(key, "") + ")", e);
        } catch (JsonMappingException e) {
            String key = keyOf(e);
            throw new ConfigException("Invalid configuration: " + key + ": " + e.getOriginalMessage()
                    + " (" + sources.getOrDefault(key, "") + ")", e);
        } catch (JacksonException e) {
            throw new ConfigException("Invalid configuration: " + e.getOriginalMessage(), e);
        }
    }

    private static String keyOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() == null ? "[" + reference.getIndex() + "]"
                        : reference.getFieldName())
                .collect(Collectors.joining("."));
    }

    private static String describe(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return "a valid " + type.getSimpleName();
    }
}
