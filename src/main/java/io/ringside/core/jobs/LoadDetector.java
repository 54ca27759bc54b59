package io.ringside.core.jobs;

import io.ringside.core.data.dataset.DatasetKind;
import io.ringside.core.data.dataset.IdxHeader;
import io.ringside.core.data.dataset.IdxInspector;
import io.ringside.core.data.pm25.Pm25Format;
import io.ringside.core.data.pm25.Pm25ImportOptions;
import io.ringside.core.data.pm25.Pm25Importer;
import io.ringside.core.data.pm25.Pm25Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Decides what a chosen file is, with the data system's own checks (so whoever offers a load and
 * the worker that runs it never disagree): an IDX dataset when its header parses, a PM2.5 CSV when
 * its header fits one of the three formats, else an opaque binary dataset. Reads the file: off
 * the console's FX thread.
 */
public final class LoadDetector {

    private LoadDetector() {
    }

    /**
     * @throws IllegalArgumentException for a file that cannot be read, or an IDX file whose header
     *                                  does not fit its size (the message names the file)
     */
    public static DetectedLoad detect(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("Cannot read " + file + ": no such file");
        }
        Optional<IdxHeader> idx = IdxInspector.readHeader(file, false);
        if (idx.isPresent()) {
            return new DetectedLoad(file, JobKind.LOAD_DATASET, "IDX dataset " + idx.get(), DatasetKind.IDX, null);
        }
        Optional<Pm25Format> pm25 = pm25Format(file);
        if (pm25.isPresent()) {
            return new DetectedLoad(file, JobKind.LOAD_PM25, "PM2.5 CSV, " + pm25.get().cliName() + " format", null,
                    pm25.get());
        }
        return new DetectedLoad(file, JobKind.LOAD_DATASET, "Binary dataset (stored as opaque bytes)",
                DatasetKind.BINARY, null);
    }

    private static Optional<Pm25Format> pm25Format(Path file) {
        List<Pm25Source> sources = List.of(Pm25Source.of(file));
        try {
            return Optional.of(Pm25Importer.check(sources, Pm25ImportOptions.defaults()).get(0));
        } catch (IllegalArgumentException locationMissing) {
            return Optional.of(Pm25Format.PRSA_SINGLE);
        } catch (RuntimeException notPm25) {
            return Optional.empty();
        }
    }

    /**
     * What a file was found to be.
     *
     * @param datasetKind the kind of a dataset, null for a PM2.5 file
     * @param format      the PM2.5 format, null for a dataset
     */
    public record DetectedLoad(Path file, JobKind kind, String description, DatasetKind datasetKind,
                               Pm25Format format) {

        /** The options of loading this dataset file as {@code name}; {@code rateMbps} null for no limit. */
        public LoadDatasetOptions datasetOptions(String name, Double rateMbps) {
            return new LoadDatasetOptions(name, datasetKind, rateMbps);
        }

        /** The options of importing this PM2.5 file; {@code location} null for a format that names its own. */
        public LoadPm25Options pm25Options(String location, double maxRejectedPercent) {
            return new LoadPm25Options(format, location, maxRejectedPercent, null, false);
        }

        public boolean needsLocation() {
            return format != null && !format.carriesLocation();
        }

        public boolean dataset() {
            return kind == JobKind.LOAD_DATASET;
        }
    }
}
