package io.ringside.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 item 9: errors say what was expected, in words, never a Java class name; input echoed
 * in them is escaped and shortened; a console without GTK 3 says what to install. No server: all
 * of these are refused before a backend is opened.
 */
class CliErrorWordsTest {

    @TempDir
    Path data;

    @Test
    void aBadDateSaysTheFormatExpected() {
        CliRun run = CliRun.in(data, "pm25", "trend", "--location", "Delhi", "--from", "2024-13-01", "--to", "2024-12-31");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("expected a date as YYYY-MM-DD (e.g. 2024-03-01), not '2024-13-01'"), run.err());
        assertFalse(run.err().contains("java."), run.err());
    }

    @Test
    void anAbsurdTrendRangeIsRefusedBeforeAnythingIsRead() {
        CliRun run = CliRun.in(data, "pm25", "trend", "--location", "Delhi", "--from", "0001-01-01", "--to", "9999-12-31");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("date 0001-01-01 is outside 1900-01-01 to 2199-12-31"), run.err());
    }

    @Test
    void aBadJobIdSaysWhatAJobIdLooksLike() {
        CliRun run = CliRun.in(data, "jobs", "watch", "not-a-job");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("expected a job id: 36 characters like"), run.err());
        assertFalse(run.err().contains("Invalid UUID") || run.err().contains("java."), run.err());
    }

    @Test
    void aHugeNameWithControlCharactersIsEchoedEscapedAndShort() {
        String name = "\u001b[31mred\u0000" + "x".repeat(10_000);
        CliRun run = CliRun.in(data, "load", "pm25", "--sample", "--format", name);
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("'\\x1b[31mred\\x00xxx"), run.err());
        assertTrue(run.err().contains("... (10,009 characters)"), run.err());
        assertFalse(run.err().contains("\u001b") || run.err().contains("\u0000"), "raw control characters");
        assertTrue(run.err().length() < 400, "message length " + run.err().length());
    }

    @Test
    void missingGtkLibrariesAreNamedWithTheCommandThatInstallsThem(@TempDir Path libs) throws IOException {
        Files.createFile(libs.resolve("libgtk-3.so.0"));
        Files.createFile(libs.resolve("libgdk-3.so.0"));
        List<Path> onlyGtk = List.of(libs);
        assertEquals(List.of("libXtst.so.6"), DesktopLibraries.missing(onlyGtk));
        List<String> none = DesktopLibraries.missing(List.of(libs.resolve("empty")));
        assertEquals(List.of("libgtk-3.so.0", "libgdk-3.so.0", "libXtst.so.6"), none);
        String message = DesktopLibraries.problem(none).orElseThrow();
        assertTrue(message.contains("libgtk-3.so.0, libgdk-3.so.0, libXtst.so.6"), message);
        assertTrue(message.contains("sudo apt-get install libgtk-3-0 libxtst6"), message);
        assertFalse(message.contains("\n"), "one line");
        assertTrue(DesktopLibraries.problem(List.of()).isEmpty());
    }

    @Test
    void theLinkersSearchPathIncludesLdLibraryPathAndLdSoConfIncludes(@TempDir Path etc) throws IOException {
        Path confD = Files.createDirectories(etc.resolve("ld.so.conf.d"));
        Files.writeString(confD.resolve("gtk.conf"), "# a comment\n/opt/gtk/lib\n");
        Path conf = Files.writeString(etc.resolve("ld.so.conf"), "include ld.so.conf.d/*.conf\n");
        List<Path> path = DesktopLibraries.searchPath("/custom/lib::", conf);
        assertEquals(Path.of("/custom/lib"), path.get(0));
        assertEquals(Path.of("/opt/gtk/lib"), path.get(1));
        assertTrue(path.contains(Path.of("/usr/lib/x86_64-linux-gnu")), path.toString());
    }
}
