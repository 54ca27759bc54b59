package io.ringside.core.data.dataset;

import java.nio.file.Path;
import java.time.Duration;

/** A version written back to a file, byte-identical to what was loaded. */
public record ExportResult(String name, int version, Path target, long bytes, String sha256, Duration elapsed) {
}
