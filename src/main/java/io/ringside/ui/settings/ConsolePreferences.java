package io.ringside.ui.settings;

import io.ringside.core.Json;
import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.connect.ProfileStore;
import io.ringside.ui.theme.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the console remembers between runs, in {@code <data>/console.json}: the theme, the last
 * profile and the window's placement. A missing or unreadable file means defaults; a preference is never worth an error dialog.
 *
 * <p>Every change goes through {@link #update}, which re-reads the file and changes one field: the
 * theme toggle and the profile switch run in the background, so each writing back the whole set it
 * saw earlier would let the slower one undo the other's change.
 */
public final class ConsolePreferences {

    public static final String FILE = "console.json";
    private static final Logger LOG = LoggerFactory.getLogger(ConsolePreferences.class);

    /** The file's content; {@code window} is null until the console's window first closed. */
    public record Values(int version, Theme theme, String lastProfile, WindowPlacement window) {
        public Values {
            theme = theme == null ? Theme.LIGHT : theme;
        }

        public Values(int version, Theme theme, String lastProfile) {
            this(version, theme, lastProfile, null);
        }

        public Values withTheme(Theme newTheme) {
            return new Values(version, newTheme, lastProfile, window);
        }

        public Values withLastProfile(String profileId) {
            return new Values(version, theme, profileId, window);
        }

        public Values withWindow(WindowPlacement placement) {
            return new Values(version, theme, lastProfile, placement);
        }
    }

    private final Path file;

    public ConsolePreferences(Path dataFolder) {
        this.file = dataFolder.resolve(FILE);
    }

    public Values load() {
        if (!Files.exists(file)) {
            return new Values(1, Theme.LIGHT, null);
        }
        try {
            return Json.mapper().readValue(file.toFile(), Values.class);
        } catch (IOException e) {
            LOG.warn("Ignoring unreadable {}: {}", file, e.getMessage());
            return new Values(1, Theme.LIGHT, null);
        }
    }

    /**
     * The profile the console opens on when {@code --profile} is not given: the last one used if
     * it still exists, else the local stack.
     */
    public String startProfile(ProfileStore profiles) {
        String last = load().lastProfile();
        return last != null && profiles.find(last).isPresent() ? last : ConnectionProfile.LOCAL;
    }

    /**
     * Reads the file, applies {@code change}, writes the result. Blocks on the disk: call it off the
     * FX thread. Serialized (the console shares one instance), so two background changes both land.
     */
    public synchronized void update(UnaryOperator<Values> change) {
        save(change.apply(load()));
    }

    /** Writes the whole set as given; a change of one field goes through {@link #update} instead. */
    public synchronized void save(Values values) {
        try {
            Json.writeAtomically(file, values);
        } catch (IOException e) {
            LOG.warn("Cannot save {}: {}", file, e.getMessage());
        }
    }

    public Path file() {
        return file;
    }
}
