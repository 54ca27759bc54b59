package io.ringside.ui.settings;

import java.nio.file.Path;

/**
 * What the console was opened with.
 *
 * @param autoStart   start the local stack when none runs (and the profile is {@code local}); off
 *                    in UI tests, which must not start real servers
 * @param initialView the page to show first ({@code --view}); null for the profile's default
 * @param trendPreset what the Trends page loads first ({@code --location/--from/--to}); null for its default
 */
public record ConsoleSettings(Path dataFolder, String profile, boolean autoStart, String initialView,
                              TrendPreset trendPreset) {

    public ConsoleSettings(Path dataFolder, String profile, boolean autoStart, String initialView) {
        this(dataFolder, profile, autoStart, initialView, null);
    }

    public ConsoleSettings(Path dataFolder, String profile, boolean autoStart) {
        this(dataFolder, profile, autoStart, null);
    }
}
