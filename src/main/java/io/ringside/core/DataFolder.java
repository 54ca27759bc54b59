package io.ringside.core;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where Ringside keeps its state: an explicit {@code --data DIR} wins, then {@code $RINGSIDE_HOME},
 * then {@code $XDG_DATA_HOME/ringside}, then {@code ~/.local/share/ringside}. Resolution is a pure
 * function of its inputs so tests can pin it without touching the real home folder.
 */
public final class DataFolder {

    private DataFolder() {
    }

    public static Path resolve(Path explicit) {
        return resolve(explicit, System.getenv(), System.getProperty("user.home"));
    }

    static Path resolve(Path explicit, Map<String, String> env, String userHome) {
        if (explicit != null) {
            return explicit.toAbsolutePath().normalize();
        }
        String home = env.get("RINGSIDE_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "ringside").toAbsolutePath().normalize();
        }
        return Path.of(userHome, ".local", "share", "ringside");
    }

    /**
     * Folder for things that can be fetched or rebuilt again (resolved classpaths, the extracted
     * Redis binary): {@code $RINGSIDE_CACHE}, else {@code $XDG_CACHE_HOME/ringside}, else
     * {@code ~/.cache/ringside}. Kept apart from the data folder so that every test run, which
     * uses a fresh data folder, does not fetch the servers again.
     */
    public static Path cache() {
        Map<String, String> env = System.getenv();
        String explicit = env.get("RINGSIDE_CACHE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "ringside");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "ringside");
    }
}
