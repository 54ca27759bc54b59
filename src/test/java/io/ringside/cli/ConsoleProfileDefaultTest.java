package io.ringside.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.Main;
import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.connect.ProfileStore;
import io.ringside.ui.settings.ConsolePreferences;
import io.ringside.ui.theme.Theme;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Without {@code --profile} the console opens on the profile used last; the option always wins. */
class ConsoleProfileDefaultTest {

    @TempDir
    Path data;

    private static Main parsed(String... args) {
        CommandLine cli = Main.commandLine();
        cli.parseArgs(args);
        return cli.getCommand();
    }

    @Test
    void profileGivenBeforeOrAfterTheCommandIsSeenAndItsAbsenceToo() {
        assertTrue(parsed("--profile", "prod-eu", "console").profileGiven());
        assertTrue(parsed("console", "--profile", "prod-eu").profileGiven());
        assertTrue(parsed("--profile", "local").profileGiven(), "the local stack named explicitly");
        assertFalse(parsed("console").profileGiven());
        assertFalse(parsed().profileGiven());
        assertEquals("local", parsed("console").profile(), "the data commands' default stays local");
    }

    @Test
    void theLastUsedProfileIsTheStartProfileWhileItExists() {
        ProfileStore profiles = new ProfileStore(data);
        ConsolePreferences preferences = new ConsolePreferences(data);
        assertEquals(ConnectionProfile.LOCAL, preferences.startProfile(profiles), "nothing remembered");

        profiles.save(ConnectionProfile.local().withId("staging", "Staging"));
        preferences.save(new ConsolePreferences.Values(1, Theme.DARK, "staging"));
        assertEquals("staging", preferences.startProfile(profiles));

        profiles.delete("staging");
        assertEquals(ConnectionProfile.LOCAL, preferences.startProfile(profiles), "a deleted profile falls back to local");
    }
}
