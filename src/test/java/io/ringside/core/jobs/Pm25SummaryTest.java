package io.ringside.core.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.Json;
import io.ringside.core.data.pm25.Pm25ImportResult;
import io.ringside.core.kafka.Topics;
import io.ringside.core.kafka.explorer.DecodedValue;
import io.ringside.core.kafka.explorer.MessageDecoder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Without a server: what a finished PM2.5 load says in one line, where {@code jobs list}, the Jobs
 * page's timeline and the Streams page's summary of a progress message show it. Its figures first
 * showed there as "files 1", and a worker's "files\t1" carried a tab into labels.
 */
class Pm25SummaryTest {

    private static Pm25ImportResult result(int files, long imported, long rejected) {
        return new Pm25ImportResult(files, imported + rejected, imported, rejected, 0, imported, 120, List.of(),
                Map.of(), Duration.ofSeconds(3), 1.0, List.of());
    }

    @Test
    void aLoadSaysInWordsWhatItImported() {
        assertEquals("1 file, 26.4 MB, 12,345 rows imported", Pm25Summary.headline(result(1, 12_345, 0), 26_412_236, false));
        assertEquals("3 files, 1.2 MB, 400 rows imported, 2 rejected",
                Pm25Summary.headline(result(3, 400, 2), 1_200_000, false));
        assertEquals("1 file, 1 row imported", Pm25Summary.headline(result(1, 1, 0), 0, false), "size unknown: left out");

        String summary = Pm25Summary.of(result(1, 12_345, 0), 26_412_236, false);
        assertTrue(summary.startsWith("1 file, 26.4 MB, 12,345 rows imported\n"), summary);
        assertTrue(summary.contains("\nrows imported  12345\n"), "the figures follow, as the CLI prints them: " + summary);
        assertFalse(summary.contains("\t"), summary);
    }

    @Test
    void theBuiltInSampleIsNamedAsSuchNotCountedAsAFile() {
        assertEquals("the built-in sample, 9 rows imported", Pm25Summary.headline(result(1, 9, 0), 0, true));
        assertEquals("the built-in sample and 1 file, 26.4 MB, 12,354 rows imported",
                Pm25Summary.headline(result(2, 12_354, 0), 26_412_236, true), "the size is the given file's");
        assertTrue(Pm25Summary.of(result(1, 9, 0), 0, true).startsWith("the built-in sample, 9 rows imported\n"));
    }

    /** The figures name the sample too: "files 1" for a load of no file at all was not true. */
    @Test
    void theFiguresOfASampleLoadNameTheSampleAndCountOnlyGivenFiles() {
        String sampleOnly = Pm25Summary.of(result(1, 9, 0), 0, true);
        assertTrue(sampleOnly.contains("\nsource         built-in sample\n"), sampleOnly);
        assertFalse(sampleOnly.contains("\nfiles "), sampleOnly);
        String both = Pm25Summary.of(result(2, 12_354, 0), 26_412_236, true);
        assertTrue(both.contains("\nsource         built-in sample and 1 file\n"), both);
        assertTrue(Pm25Summary.of(result(3, 400, 2), 1_200_000, false).contains("\nfiles          3\n"),
                "a load of files keeps its count");
    }

    @Test
    void aOneLineViewOfAProgressMessageShowsTheSentenceAndNoTab() throws Exception {
        UUID job = UUID.fromString("12345678-aaaa-bbbb-cccc-1234567890ab");
        ProgressEvent now = end(job, Pm25Summary.of(result(1, 12_345, 0), 26_412_236, false));
        assertEquals("1 file, 26.4 MB, 12,345 rows imported", now.headline());
        DecodedValue decoded = MessageDecoder.decode(Topics.JOB_PROGRESS, Json.mapper().writeValueAsBytes(now));
        assertEquals("job 12345678 load-pm25 succeeded 100% - 1 file, 26.4 MB, 12,345 rows imported",
                decoded.summary());

        ProgressEvent older = end(job, "files\t1\nrows read\t12345");
        assertEquals("files 1", older.headline(), "an older worker's tab is a space");
        assertFalse(MessageDecoder.decode(Topics.JOB_PROGRESS, Json.mapper().writeValueAsBytes(older)).summary()
                .contains("\t"));
    }

    private static ProgressEvent end(UUID job, String message) {
        return new ProgressEvent(job, 4, Instant.parse("2026-12-01T10:00:00Z"), JobKind.LOAD_PM25,
                List.of("/data/a.csv"), "alice", JobState.SUCCEEDED, "import", JobUnit.BYTES, 26_412_236, 26_412_236,
                8_804_078.7, null, 0, List.of(), null, null, message);
    }
}
