package io.ringside.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.connect.ProfileStore;
import io.ringside.testing.CliRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI in the C locale of many servers and CI machines, in a JVM of its own as a script runs
 * it, on commands that need no server: Java 17 there writes US-ASCII, and a Devanagari name came
 * out as question marks.
 */
class OutputEncodingTest {

    private static final String NAME = "हैदराबाद lab";
    private static final Map<String, String> C_LOCALE = Map.of("LANG", "C", "LC_ALL", "C");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path data;

    @Test
    void aCLocaleGetsUtf8OnStdoutAndStderrUnlessTheUserAskedForAnEncoding() throws Exception {
        CliRun added = CliRun.in(data, "profiles", "add", NAME, "--url", "redis://127.0.0.1:6399");
        assertEquals(0, added.exitCode(), added.err());
        String id = new ProfileStore(data).list().stream().filter(p -> p.name().equals(NAME))
                .map(ConnectionProfile::id).findFirst().orElseThrow();

        CliRun list = CliRun.inChildJvm(data, TIMEOUT, List.of(), C_LOCALE, "profiles", "list");
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().contains("\t" + NAME + "\t"), "stdout in UTF-8: " + list.out());

        CliRun refused = CliRun.inChildJvm(data, TIMEOUT, List.of(), C_LOCALE, "profiles", "remove", id);
        assertEquals(ExitCodes.USAGE, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains(id + " (" + NAME + ")"), "stderr in UTF-8: " + refused.err());

        CliRun asked = CliRun.inChildJvm(data, TIMEOUT, List.of("-Dsun.stdout.encoding=US-ASCII"), C_LOCALE,
                "profiles", "list");
        assertEquals(0, asked.exitCode(), asked.err());
        assertTrue(asked.out().contains("\t" + NAME.replaceAll("[^\\x00-\\x7F]", "?") + "\t"),
                "the encoding the user gave is kept: " + asked.out());
    }
}
