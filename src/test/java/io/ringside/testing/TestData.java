package io.ringside.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The reference data under {@code $RINGSIDE_TESTDATA}. Without it a developer's run skips the
 * tests that need it; under {@code CI=true} a missing folder is a failure, never a silent skip.
 */
public final class TestData {

    private TestData() {
    }

    public static Path folder() {
        String value = System.getenv("RINGSIDE_TESTDATA");
        if (value == null || value.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("RINGSIDE_TESTDATA is not set, but CI=true requires the reference data");
            }
            Assumptions.abort("RINGSIDE_TESTDATA is not set: skipping a test that needs the reference data");
        }
        Path folder = Path.of(value);
        assertTrue(Files.isDirectory(folder), "RINGSIDE_TESTDATA is not a folder: " + folder);
        return folder;
    }

    /** One station of the UCI Beijing multi-site data, e.g. {@code Aotizhongxin}. */
    public static Path beijingStation(String station) {
        Path file = folder().resolve("beijing-multisite").resolve("PRSA_Data_" + station + "_20130301-20170228.csv.gz");
        assertTrue(Files.isRegularFile(file), "missing reference file " + file);
        return file;
    }
}
