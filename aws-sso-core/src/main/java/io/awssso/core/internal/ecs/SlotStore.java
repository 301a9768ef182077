package io.awssso.core.internal.ecs;

import io.awssso.api.RoleCredentials;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The server's memory: one default slot and any number of named slots. Each slot keeps its
 * {@code GET} body ready, so serving is a lookup and a write. Nothing here is ever written to disk.
 */
public final class SlotStore {
    private final Clock clock;
    private final AtomicReference<Slot> defaultSlot = new AtomicReference<>();
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    /** An empty store judging expiry with {@code clock}. */
    public SlotStore(Clock clock) {
        this.clock = clock;
    }

    /**
     * Loaded credentials under a profile name, with their response body prepared.
     *
     * @param profileName the profile the client named
     * @param credentials the credentials
     * @param body the {@code GET} answer
     */
    record Slot(String profileName, RoleCredentials credentials, byte[] body) {
        static Slot of(LoadRequest r) {
            return new Slot(r.profileName(), r.credentials(), EcsJson.credentials(r.credentials()));
        }

        @Override
        public String toString() {
            return "Slot[" + profileName + ", " + credentials + "]";
        }
    }

    Instant now() {
        return clock.instant();
    }

    boolean expired(RoleCredentials c) {
        return !clock.instant().isBefore(c.expiration());
    }

    /** Replaces the default slot. */
    public void putDefault(LoadRequest r) {
        defaultSlot.set(Slot.of(r));
    }

    /** Stores under the request's profile name. */
    public void putSlot(LoadRequest r) {
        slots.put(r.profileName(), Slot.of(r));
    }

    Optional<Slot> defaultSlot() {
        return Optional.ofNullable(defaultSlot.get());
    }

    Optional<Slot> slot(String profileName) {
        return Optional.ofNullable(slots.get(profileName));
    }

    /** Empties the default slot; false when it was empty. */
    boolean clearDefault() {
        return defaultSlot.getAndSet(null) != null;
    }

    /** Removes a named slot; false when there was none. */
    boolean remove(String profileName) {
        return slots.remove(profileName) != null;
    }

    /** The named slots whose credentials have not expired, sorted by profile name. */
    List<Slot> unexpiredSlots() {
        return slots.values().stream().filter(s -> !expired(s.credentials()))
                .sorted(java.util.Comparator.comparing(Slot::profileName)).toList();
    }

    /** Forgets everything (on shutdown). */
    void clear() {
        defaultSlot.set(null);
        slots.clear();
    }
}
