package dialer.gateway.sip;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import dialer.gateway.TrunkHealth;

/**
 * The trunks, and which one takes a call: the call's own trunk first, then the others by their failover
 * order; a trunk that is down or has no free channel is skipped. When every trunk with a free channel is
 * down, the call still goes out through the first of them rather than not at all: a trunk counted down
 * for a 503 may well take the next call.
 */
final class Trunks {
    private final Map<String, TrunkState> byName = new LinkedHashMap<>();

    Trunks(List<SipTrunk> trunks) {
        trunks.stream().sorted(Comparator.comparingInt(SipTrunk::order)).forEach(trunk -> byName.put(trunk.name(), new TrunkState(trunk)));
    }

    boolean knows(String name) {
        return byName.containsKey(name);
    }

    /** The trunk to send a call through, not one of {@code tried}; empty when none has a free channel. */
    Optional<TrunkState> choose(String preferred, Set<String> tried) {
        List<TrunkState> candidates = Stream.concat(Stream.of(byName.get(preferred)), byName.values().stream())
                .filter(trunk -> !tried.contains(trunk.name()) && trunk.hasFreeChannel())
                .toList();
        return candidates.stream().filter(TrunkState::up).findFirst().or(() -> candidates.stream().findFirst());
    }

    Iterable<TrunkState> all() {
        return byName.values();
    }

    List<TrunkHealth> health() {
        return byName.values().stream().map(TrunkState::health).toList();
    }
}
