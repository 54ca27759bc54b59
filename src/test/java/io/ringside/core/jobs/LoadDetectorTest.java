package io.ringside.core.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.data.dataset.DatasetKind;
import io.ringside.core.data.pm25.Pm25Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kind detection on generated files, without a server. */
class LoadDetectorTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path csv(String name, List<String> header, String row) throws IOException {
        return Files.writeString(dir.resolve(name), String.join(",", header) + "\n" + row + "\n");
    }

    static byte[] idx(int items, int declared) {
        byte[] bytes = new byte[8 + items];
        bytes[2] = 0x08;
        bytes[3] = 1;
        bytes[7] = (byte) declared;
        return bytes;
    }

    @Test
    void detectsIdxPm25FormatsAndFallsBackToBinary() throws IOException {
        assertEquals(DatasetKind.IDX, LoadDetector.detect(write("labels-idx1-ubyte", idx(5, 5))).datasetKind());
        LoadDetector.DetectedLoad daily = LoadDetector.detect(csv("daily.csv", Pm25Format.DAILY.columns(),
                "2024-01-01,10,Dongsi,12,8"));
        assertEquals(JobKind.LOAD_PM25, daily.kind());
        assertEquals(Pm25Format.DAILY, daily.format());
        assertFalse(daily.needsLocation());
        LoadDetector.DetectedLoad single = LoadDetector.detect(csv("single.csv", Pm25Format.PRSA_SINGLE.columns(), "1"));
        assertEquals(Pm25Format.PRSA_SINGLE, single.format());
        assertTrue(single.needsLocation());
        LoadDetector.DetectedLoad binary = LoadDetector.detect(write("blob.bin", new byte[] {1, 2, 3, 0, 7}));
        assertEquals(JobKind.LOAD_DATASET, binary.kind());
        assertEquals(DatasetKind.BINARY, binary.datasetKind());
        assertEquals(new LoadDatasetOptions("blob", DatasetKind.BINARY, 2.5), binary.datasetOptions("blob", 2.5));
        assertEquals(new LoadPm25Options(Pm25Format.PRSA_SINGLE, "Shunyi", 5, null, false),
                single.pm25Options("Shunyi", 5));
    }

    @Test
    void aBrokenIdxFileIsAnErrorNamingTheFile() throws IOException {
        Path truncated = write("short-idx1-ubyte", idx(3, 9));
        RuntimeException e = assertThrows(RuntimeException.class, () -> LoadDetector.detect(truncated));
        assertTrue(e.getMessage().contains("short-idx1-ubyte"), e.getMessage());
    }
}
