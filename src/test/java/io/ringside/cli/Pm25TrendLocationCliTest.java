package io.ringside.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.connect.Backends;
import io.ringside.core.data.DataServices;
import io.ringside.core.data.pm25.Pm25ImportOptions;
import io.ringside.core.data.pm25.Pm25Source;
import io.ringside.testing.CliRun;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code pm25 trend --location} takes part of a stored name: one match is used, several are listed. */
@ExtendWith(SharedStack.class)
class Pm25TrendLocationCliTest {

    @Test
    void partOfANameUsesTheOneStoredNameItMatchesAndListsSeveral(TestStack stack, @TempDir Path dir) throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String north = "Trendtown " + id + " North Station";
        String south = "Trendtown " + id + " South Station";
        Path file = dir.resolve("two-sites.csv");
        Files.writeString(file, "\"date\",\"avg_pm25\",\"location\",\"max_pm25\",\"min_pm25\"\n"
                + "\"2025-03-01\",\"40\",\"" + north + "\",\"60\",\"20\"\n"
                + "\"2025-03-02\",\"42\",\"" + north + "\",\"61\",\"21\"\n"
                + "\"2025-03-01\",\"12\",\"" + south + "\",\"15\",\"9\"\n");
        try (Backends backends = stack.backends()) {
            new DataServices(backends).pm25Importer().run(List.of(Pm25Source.of(file)), Pm25ImportOptions.defaults(),
                    p -> { });
        }

        CliRun one = CliRun.in(stack.dataFolder(), "pm25", "trend", "--location", "north " + id.toUpperCase(),
                "--from", "2025-03-01", "--to", "2025-03-31", "--no-cache");
        assertEquals(ExitCodes.OK, one.exitCode(), one.err());
        assertTrue(one.err().contains("location: " + north), one.err());
        assertTrue(one.out().contains("2025-03-02\t42\t21\t61\t"), one.out());

        CliRun several = CliRun.in(stack.dataFolder(), "pm25", "trend", "--location", "trendtown " + id,
                "--from", "2025-03-01", "--to", "2025-03-31");
        assertEquals(ExitCodes.USAGE, several.exitCode(), several.err());
        assertTrue(several.err().contains("matches 2 locations") && several.err().contains("\n  " + north)
                && several.err().contains("\n  " + south), several.err());

        CliRun none = CliRun.in(stack.dataFolder(), "pm25", "trend", "--location", id + " West",
                "--from", "2025-03-01", "--to", "2025-03-31");
        assertEquals(ExitCodes.NOT_FOUND, none.exitCode(), none.err());
    }
}
