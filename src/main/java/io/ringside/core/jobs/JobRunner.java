package io.ringside.core.jobs;

import io.ringside.core.ByteSize;
import io.ringside.core.NotFoundException;
import io.ringside.core.RingsideException;
import io.ringside.core.data.DataServices;
import io.ringside.core.data.cache.CacheRead;
import io.ringside.core.data.cache.CacheWarmer;
import io.ringside.core.data.cache.RateLimiter;
import io.ringside.core.data.dataset.DatasetChunkCache;
import io.ringside.core.data.dataset.DatasetManifest;
import io.ringside.core.data.dataset.LoadControl;
import io.ringside.core.data.dataset.LoadInterruptedException;
import io.ringside.core.data.dataset.LoadInterruption;
import io.ringside.core.data.dataset.LoadResult;
import io.ringside.core.data.export.ExportProgress;
import io.ringside.core.data.export.ExportResult;
import io.ringside.core.data.export.TableExporter;
import io.ringside.core.data.pm25.Pm25ImportResult;
import io.ringside.core.data.pm25.Pm25Importer;
import io.ringside.core.data.pm25.Pm25Samples;
import io.ringside.core.data.pm25.Pm25Source;
import io.ringside.core.data.pm25.RejectedRow;
import io.ringside.core.kafka.AuditLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs one job with the data-system code and reports it: running events while it works, then
 * exactly one final event, unless the job is suspended (handed to another worker), in which case
 * it ends without a final event and the next worker continues it.
 *
 * <p>Resume: a dataset load continues the version its job claimed (see {@code LoadControl}); a
 * PM2.5 import is run again whole, which is its resume, since its writes are upserts.
 */
final class JobRunner {

    /** A job being run: the request, and whether it was asked to stop. */
    static final class RunningJob {
        final JobRequest request;
        private final AtomicReference<LoadInterruption> stop = new AtomicReference<>();
        private volatile boolean handedOver;

        RunningJob(JobRequest request) {
            this.request = request;
        }

        void cancel() {
            stop.compareAndSet(null, LoadInterruption.CANCEL);
        }

        void suspend() {
            handedOver = true;
            stop.compareAndSet(null, LoadInterruption.SUSPEND);
        }

        /** True once the worker let the job go (closing, or its partition taken), even after a cancel. */
        boolean handedOver() {
            return handedOver;
        }

        LoadInterruption stop() {
            return stop.get();
        }
    }

    /** Thrown from a progress callback to stop an import that has no chunk boundaries of its own. */
    private static final class Stopped extends RuntimeException {
        final LoadInterruption why;

        Stopped(LoadInterruption why) {
            super(why.name(), null, false, false);
            this.why = why;
        }
    }

    private final DataServices services;
    private final Path dataFolder;
    private final String profile;

    JobRunner(DataServices services, Path dataFolder, String profile) {
        this.services = services;
        this.dataFolder = dataFolder;
        this.profile = profile;
    }

    /** Runs the job; returns its final event (also for any {@code Throwable}), or null when it was suspended. */
    ProgressEvent run(RunningJob job, JobReporter reporter) {
        try {
            // the worker's own profile may write; the submitter's may not, and it is the one that asks
            job.request.checkAllowed("run a " + job.request.kind().label() + " job");
            if (job.stop() == LoadInterruption.CANCEL) {
                return reporter.finish(JobState.CANCELLED, "cancelled before it started");
            }
            JobOptions options = job.request.typedOptions();
            return switch (job.request.kind()) {
                case LOAD_DATASET -> loadDataset(job, (LoadDatasetOptions) options, reporter);
                case LOAD_PM25 -> loadPm25(job, (LoadPm25Options) options, reporter);
                case WARM -> warm(job, (WarmOptions) options, reporter);
                case EXPORT_TABLE -> export(job, (ExportTableOptions) options, reporter);
            };
        } catch (LoadInterruptedException e) {
            return stopped(e.interruption(), reporter);
        } catch (Stopped e) {
            return stopped(e.why, reporter);
        } catch (Throwable e) {
            // An Error too (a heap exhausted by one input): the job ends failed with the reason
            // instead of staying "running" with no thread left to finish it.
            return reporter.finish(JobState.FAILED, reasonOf(e));
        }
    }

    /**
     * The final event of a dataset load whose version already ended although the job has no final
     * event on record (it was lost with a spool on another host, or the worker died between the
     * two): the outcome is taken from the manifest that carries the job id, and nothing is loaded
     * again. Null when there is no such version or it is still {@code loading} (to be continued).
     */
    ProgressEvent recordedEnd(RunningJob job, JobReporter reporter) {
        String name = job.request.option(JobOptions.NAME);
        if (job.request.kind() != JobKind.LOAD_DATASET || name == null || name.isBlank()) {
            return null;
        }
        DatasetManifest version = services.datasetStore().versionOfJob(name, job.request.jobId().toString()).orElse(null);
        if (version == null) {
            return null;
        }
        return switch (version.status()) {
            case LOADING -> null;
            case COMPLETE -> reporter.finish(JobState.SUCCEEDED, JobProgress.of("complete", JobUnit.BYTES,
                    version.rawBytes(), version.rawBytes()).message(stored(version.name(), version.version(),
                    version.kind(), version.chunkCount(), version.rawBytes(), version.sha256())
                    + " (by an earlier run of this job)"));
            case CANCELLED -> reporter.finish(JobState.CANCELLED, "cancelled");
            case FAILED -> reporter.finish(JobState.FAILED, version.meta().getOrDefault(DatasetManifest.META_FAILURE,
                    version.describe() + " failed"));
        };
    }

    /**
     * What a dataset load stored: {@code stored fashion-mnist version 1: idx, 26.4 MB in 3 chunks, sha256 …}.
     * The whole sha-256 stays, as {@code jobs watch} prints it for scripts to compare.
     */
    static String stored(String name, int version, String kind, int chunks, long bytes, String sha256) {
        return String.format(Locale.ROOT, "stored %s version %d: %s, %s, sha256 %s", name, version, kind,
                DatasetManifest.size(bytes, chunks), sha256);
    }

    private static ProgressEvent stopped(LoadInterruption why, JobReporter reporter) {
        return why == LoadInterruption.CANCEL ? reporter.finish(JobState.CANCELLED, "cancelled") : null;
    }

    private ProgressEvent loadDataset(RunningJob job, LoadDatasetOptions options, JobReporter reporter) {
        JobRequest request = job.request;
        String name = options.name();
        if (request.source().size() != 1) {
            throw new IllegalArgumentException("a load-dataset job needs exactly one source file, not "
                    + request.source());
        }
        Path file = Path.of(request.source().get(0));
        LoadControl control = new LoadControl(request.jobId().toString(), options.bytesPerSecond(), job::stop,
                reporter::recordWrite);
        LoadResult result = services.datasetStore().load(name, file, options.datasetKind(), p -> reporter.running(
                JobProgress.of(p.phase(), JobUnit.BYTES, p.done(), p.total()).rate(p.ratePerSecond()).message(p.note())),
                control);
        String resumed = services.datasetStore().manifest(result.name(), result.version())
                .map(m -> m.meta().get(DatasetManifest.META_RESUMED)).map(n -> ", " + n + " chunk(s) kept from an earlier run")
                .orElse("");
        return reporter.finish(JobState.SUCCEEDED, JobProgress.of("complete", JobUnit.BYTES, result.rawBytes(),
                result.rawBytes()).rate(result.rawBytes() / Math.max(1e-9, result.elapsed().toNanos() / 1e9))
                .message(stored(result.name(), result.version(), result.kind(), result.chunks(), result.rawBytes(),
                        result.sha256()) + resumed));
    }

    private ProgressEvent loadPm25(RunningJob job, LoadPm25Options options, JobReporter reporter) {
        List<Pm25Source> sources = new ArrayList<>();
        if (options.sample()) {
            sources.add(Pm25Samples.daily());
        }
        job.request.source().forEach(s -> sources.add(Pm25Source.of(Path.of(s))));
        Pm25Importer importer = services.pm25Importer();
        Pm25ImportResult result = importer.run(sources, options.importOptions(), p -> {
            LoadInterruption stop = job.stop();
            if (stop != null) {
                throw new Stopped(stop);
            }
            reporter.running(JobProgress.of("import", JobUnit.BYTES, p.bytesDone(), Math.max(0, p.bytesTotal()))
                    .rate(p.bytesDone() / Math.max(1e-9, p.elapsed().toNanos() / 1e9)).errors(p.rowsRejected(), List.of())
                    .message(String.format(Locale.ROOT, "%,d rows read, %,d rejected", p.rowsRead(), p.rowsRejected())));
        });
        long bytes = sources.stream().mapToLong(s -> Math.max(0, s.size())).sum();
        List<String> rejected = result.firstRejects().stream().map(RejectedRow::toString).toList();
        String summary = Pm25Summary.of(result, bytes, options.sample());
        // Sources of unknown size (the built-in sample) end in rows read rather than "0 B".
        JobUnit unit = bytes > 0 ? JobUnit.BYTES : JobUnit.ROWS;
        long amount = bytes > 0 ? bytes : result.rowsRead();
        JobProgress end = JobProgress.of("import", unit, amount, amount).errors(result.rowsRejected(), rejected);
        if (result.failed()) {
            return reporter.finish(JobState.FAILED, end.message(Pm25Summary.failure(result) + "\n" + summary));
        }
        return reporter.finish(JobState.SUCCEEDED, end.rate(amount / Math.max(1e-9, result.elapsed().toNanos() / 1e9))
                .message(summary));
    }

    /** Warms every chunk of a complete dataset version into Redis (audited like {@code warm dataset}). */
    private ProgressEvent warm(RunningJob job, WarmOptions options, JobReporter reporter) {
        String name = options.dataset();
        Integer version = options.version();
        DatasetManifest manifest = (version == null ? services.datasetStore().newestComplete(name)
                : services.datasetStore().manifest(name, version).filter(DatasetManifest::complete))
                .orElseThrow(() -> new NotFoundException("Dataset '" + name + "' has no complete version"
                        + (version == null ? "" : " " + version)));
        DatasetChunkCache chunks = services.datasetChunkCache();
        List<Supplier<CacheRead<?>>> reads = new ArrayList<>();
        for (int seq = 0; seq < manifest.chunkCount(); seq++) {
            int s = seq;
            reads.add(() -> chunks.chunk(manifest.name(), manifest.version(), s));
        }
        long started = System.nanoTime();
        AuditLog audit = new AuditLog(dataFolder, services.backends().kafkaProperties(), profile);
        String target = "dataset " + manifest.name() + ":" + manifest.version();
        CacheWarmer.Summary summary;
        try {
            summary = new CacheWarmer(new RateLimiter(options.chunksPerS())).warm(reads, done -> {
                LoadInterruption stop = job.stop();
                if (stop != null) {
                    throw new Stopped(stop);
                }
                reporter.running(JobProgress.of("warm", JobUnit.CHUNKS, done, reads.size())
                        .rate(done / Math.max(1e-9, (System.nanoTime() - started) / 1e9)));
            });
        } catch (RuntimeException e) {
            audit.record("cache.warm", target, 0, "failed: " + reasonOf(e));
            throw e;
        }
        audit.record("cache.warm", target, summary.total(), "ok");
        return reporter.finish(summary.absent() == 0 ? JobState.SUCCEEDED : JobState.FAILED, JobProgress.of("warm",
                JobUnit.CHUNKS, summary.total(), reads.size())
                .rate(summary.total() / Math.max(1e-9, (System.nanoTime() - started) / 1e9))
                .errors(summary.absent(), List.of())
                .message(String.format(Locale.ROOT, "%s version %d: %d chunks, %d loaded, %d already cached, %d missing",
                        manifest.name(), manifest.version(), summary.total(), summary.loaded(), summary.alreadyCached(),
                        summary.absent())));
    }

    /**
     * Exports a table or a query's rows to the request's target. A job taken over after a killed
     * or stopped worker keeps the token ranges the earlier run recorded (the work folder is named
     * after the job id) and reads only the rest.
     *
     * <p>A table's running events, and those of a query read by token range, count rows against a
     * total extrapolated from the token ranges done. A query read as one range has no total (0: unknown, so no percentage and no ETA) and say how many rows
     * and bytes are written: nothing tells a statement's row count before its last page, and the
     * extrapolation from its one "range" had said a running query export was 100 % done.
     */
    private ProgressEvent export(RunningJob job, ExportTableOptions options, JobReporter reporter) {
        TableExporter exporter = new TableExporter(services.backends().cql());
        ExportResult result = exporter.export(options.source(), options.format(), options.gzip(),
                Path.of(options.target()), job.request.jobId().toString(), p -> reporter.running(
                        JobProgress.of("export", JobUnit.ROWS, p.rows(), p.estimatedTotal())
                                .rate(p.rows() / Math.max(1e-9, p.elapsed().toNanos() / 1e9))
                                .message(exportNote(p))),
                job::stop);
        String kept = result.rangesKept() == 0 ? "" : result.ranges() > 1 ? ", " + result.rangesKept() + " of "
                + result.ranges() + " token ranges kept from an earlier run" : ", its rows kept from an earlier run";
        return reporter.finish(JobState.SUCCEEDED, JobProgress.of("complete", JobUnit.ROWS, result.rows(), result.rows())
                .rate(result.rowsPerSecond())
                .message(String.format(Locale.ROOT, "exported %,d rows of %s to %s (%,d bytes)%s", result.rows(),
                        options.describeSource(), result.target(), result.bytes(), kept)));
    }

    /** Token ranges written (a table, a query read by range); rows and bytes for a query read as one range. */
    static String exportNote(ExportProgress p) {
        if (!p.byRange()) {
            return String.format(Locale.ROOT, "%,d rows written, %s", p.rows(), ByteSize.format(p.bytes()));
        }
        return String.format(Locale.ROOT, "%d of %d token ranges written%s", p.rangesDone(), p.rangesTotal(),
                p.rangesKept() == 0 ? "" : " (" + p.rangesKept() + " kept from an earlier run)");
    }

    static String reasonOf(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return e instanceof RingsideException || e instanceof IllegalArgumentException ? message
                : e.getClass().getSimpleName() + ": " + message;
    }
}
