package dialer.pacing;

import java.util.List;
import java.util.function.Supplier;

/** The pacing modes by name, each making a new strategy for one campaign (strategies keep state). */
public final class PacingModes {
    /** The modes, by the names campaigns and reports use. */
    public static final List<String> NAMES = List.of("preview", "progressive", "power", "predictive", "vicidial-adapt");

    private PacingModes() {
    }

    /**
     * A maker of strategies for {@code mode}.
     *
     * @param targetAbandonRate the cap predictive and vicidial-adapt keep to (abandoned / live answers)
     * @param dialRatio         calls per free agent in power mode
     * @throws IllegalArgumentException for an unknown mode or a value out of range
     */
    public static Supplier<PacingStrategy> of(String mode, double targetAbandonRate, double dialRatio) {
        Supplier<PacingStrategy> maker = switch (mode) {
            case "preview" -> PreviewPacing::new;
            case "progressive" -> ProgressivePacing::new;
            case "power" -> () -> new PowerPacing(dialRatio);
            case "predictive" -> () -> new PredictivePacing(targetAbandonRate);
            case "vicidial-adapt" -> () -> new VicidialAdaptivePacing(targetAbandonRate);
            default -> throw new IllegalArgumentException("unknown mode '" + mode + "'; known: " + String.join(", ", NAMES));
        };
        maker.get(); // a value out of range fails here, not in the dial loop
        return maker;
    }
}
