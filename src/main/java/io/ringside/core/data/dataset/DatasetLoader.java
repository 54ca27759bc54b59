package io.ringside.core.data.dataset;

import io.ringside.core.NamedThreads;
import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import io.ringside.core.RingsideException;
import io.ringside.core.cassandra.NotEnoughReplicasException;
import io.ringside.core.data.storage.DowngradingConsistency;
import io.ringside.core.data.storage.WriteConsistency;
import io.ringside.core.data.cache.RateLimiter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One load: inspect, claim a version, write chunks, verify them, mark the version complete.
 *
 * <p>Verification re-reads the rows of all chunks (sha256, raw_bytes, gz_bytes; not the blob)
 * at the write consistency once every write is acknowledged, one query per bucket, and
 * requires exactly what was sent for every seq. The version's sha-256 is taken over the input
 * as it is sliced, and the slices in seq order are the input, so once every row verifies the
 * stored chunks add up to that sha. Reading each row on its own after its write cost a round
 * trip per chunk inside the in-flight window; reading each 5 MiB blob back as well would double
 * the Cassandra traffic of a load; {@code dataset verify} does that full re-read (decompress and
 * hash every chunk) on demand. The version is marked complete only after every row verified
 * and, for a gzipped IDX file, the validation of its whole gzip stream succeeded.
 *
 * <p>The file is read once. Each slice feeds the whole-file digest, the gzip validation (on its
 * own thread, the longest part of loading a gzipped IDX file: it inflates the whole stream) and,
 * hashed and compressed on a worker thread, its chunk write. The version is claimed on a worker
 * thread meanwhile, so its round trips overlap the validation and the first slices' work. A
 * chunk holds its in-flight permit from preparation until its write is acknowledged, which
 * bounds the blobs a load has in the air (and on the server's heap) to {@value #MAX_IN_FLIGHT}.
 */
public final class DatasetLoader {

    public static final int MAX_IN_FLIGHT = 4;
    /** The claim, the gzip validation and two threads hashing and compressing slices. */
    private static final int WORKER_THREADS = 4;
    /** How often a running load says it is alive; {@link DatasetStore#ABANDONED_AFTER} is several of these. */
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final ManifestTable manifests;
    private final ChunkTable chunks;
    private final ChunkLayout layout;
    private final DowngradingConsistency consistency;
    private LoadControl control = LoadControl.NONE;
    private Map<Integer, ChunkTable.StoredChunk> kept = Map.of();

    DatasetLoader(ManifestTable manifests, ChunkTable chunks, ChunkLayout layout, WriteConsistency consistency) {
        this.manifests = manifests;
        this.chunks = chunks;
        this.layout = layout;
        this.consistency = new DowngradingConsistency(consistency);
    }

    LoadResult load(String name, Path file, DatasetKind kind, ProgressListener listener, LoadControl control)
            throws IOException {
        this.control = control;
        long started = System.nanoTime();
        long size = Files.size(file);
        listener.onProgress(new LoadProgress("inspect", LoadProgress.UNIT_BYTES, 0, size, 0, 0, null));
        Optional<IdxHeader> idx = kind == DatasetKind.BINARY ? Optional.empty()
                : IdxInspector.readHeader(file, kind == DatasetKind.IDX);

        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(DatasetManifest.META_SOURCE, String.valueOf(file.getFileName()));
        meta.put(DatasetManifest.META_CHUNKS_PER_BUCKET, Integer.toString(layout.chunksPerBucket()));
        if (control.jobId() != null) {
            meta.put(DatasetManifest.META_JOB_ID, control.jobId());
        }
        meta.put(DatasetManifest.META_ALIVE_AT, Instant.now().toString());
        idx.ifPresent(header -> meta.putAll(header.meta()));
        if (consistency.current().degraded()) {
            meta.put(DatasetManifest.META_DEGRADED, consistency.current().degradedReason());
        }
        String storedKind = idx.isPresent() ? DatasetKind.IDX.label() : DatasetKind.BINARY.label();
        DatasetManifest draft = new DatasetManifest(name, 0, storedKind, DatasetStatus.LOADING, size,
                layout.chunkCount(size), layout.sliceBytes(), null, meta, Instant.now());
        ExecutorService workers = Executors.newFixedThreadPool(WORKER_THREADS,
                NamedThreads.daemons("ringside-dataset-load"));
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
                NamedThreads.daemons("ringside-dataset-load-alive"));
        try {
            Optional<DatasetManifest> unfinished = unfinishedVersionOfJob(name);
            CompletableFuture<DatasetManifest> claimed;
            if (unfinished.isPresent()) {
                requireSameSource(unfinished.get(), file, size);
                kept = keptChunks(unfinished.get());
                claimed = CompletableFuture.completedFuture(unfinished.get());
            } else {
                claimed = CompletableFuture.supplyAsync(
                        () -> manifests.claimNextVersion(draft, consistency.current()), workers);
            }
            claimed.thenAccept(manifest -> heartbeat.scheduleWithFixedDelay(() -> markAlive(manifest), 0,
                    HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS));
            SliceFeed feed = idx.filter(IdxHeader::gzipped).map(header -> new SliceFeed(MAX_IN_FLIGHT)).orElse(null);
            CompletableFuture<Void> validated = feed == null ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.runAsync(() -> IdxInspector.validate(file, idx.get(), feed), workers)
                            .whenComplete((ok, error) -> feed.consumerDone());
            return loadVersion(draft, claimed, file, new Validation(feed, validated), workers, listener, started);
        } finally {
            heartbeat.shutdownNow();
            workers.shutdownNow();
        }
    }

    /**
     * Says in the manifest that this load still writes the version, so that a {@code loading}
     * version nobody writes any more (its worker killed, its job gone) can be told apart and
     * ended ({@link DatasetStore#list}). Only the meta entry is written, never the status, so a
     * beat that comes after the end changes nothing; one that fails is simply tried again.
     */
    private void markAlive(DatasetManifest manifest) {
        try {
            manifests.markAlive(manifest.name(), manifest.version(), Instant.now(), consistency.level());
        } catch (RuntimeException e) {
            // the next beat tries again; a version is only abandoned after several missed ones
        }
    }

    /** A version this job claimed before (a worker that ran it was killed or handed it over). */
    private Optional<DatasetManifest> unfinishedVersionOfJob(String name) {
        if (control.jobId() == null) {
            return Optional.empty();
        }
        return manifests.versions(name).stream()
                .filter(m -> m.status() == DatasetStatus.LOADING && control.jobId().equals(m.meta().get(DatasetManifest.META_JOB_ID)))
                .findFirst();
    }

    private void requireSameSource(DatasetManifest manifest, Path file, long size) {
        if (manifest.rawBytes() != size || manifest.chunkSize() != layout.sliceBytes()) {
            String reason = file + " is not the file " + manifest.describe() + " started with (" + manifest.rawBytes()
                    + " bytes in slices of " + manifest.chunkSize() + ", now " + size + " bytes)";
            giveUp(manifest, DatasetStatus.FAILED, reason);
            throw new RingsideException("Cannot resume " + manifest.describe() + ": " + reason);
        }
    }

    /** The chunk rows already stored: a slice whose sha matches its row is not written again. */
    private Map<Integer, ChunkTable.StoredChunk> keptChunks(DatasetManifest manifest) {
        Map<Integer, ChunkTable.StoredChunk> rows = new HashMap<>();
        for (int bucket = 0; bucket < layout.bucketCount(manifest.chunkCount()); bucket++) {
            for (ChunkTable.StoredChunk row : chunks.rows(manifest.name(), manifest.version(), bucket, consistency.level())) {
                rows.put(row.seq(), row);
            }
        }
        return rows;
    }

    /** The gzip stream's validation: fed the slices as they are read, joined before {@code complete}. */
    private record Validation(SliceFeed feed, CompletableFuture<Void> done) {
        void offer(byte[] slice) throws InterruptedException {
            if (feed != null) {
                feed.offer(slice);
            }
        }

        void end() throws InterruptedException {
            if (feed != null) {
                feed.end();
            }
        }
    }

    private LoadResult loadVersion(DatasetManifest draft, CompletableFuture<DatasetManifest> claimed, Path file,
                                   Validation validation, ExecutorService workers, ProgressListener listener,
                                   long started) {
        try {
            Written written = writeAndVerify(draft, claimed, file, validation, workers, listener);
            DatasetManifest manifest = claimed.join();
            if (validation.done().isCompletedExceptionally()) {
                validation.done().join();
            }
            verifyRows(manifest, written.chunks, written.sent);
            validation.done().join();
            if (written.rawBytes != manifest.rawBytes()) {
                throw new RingsideException(file + " changed while it was loaded (" + manifest.rawBytes()
                        + " bytes at the start, " + written.rawBytes + " read)");
            }
            if (written.reused > 0) {
                manifests.setStatus(manifest.name(), manifest.version(), DatasetStatus.LOADING,
                        Map.of(DatasetManifest.META_RESUMED, Integer.toString(written.reused)), consistency.level());
            }
            WriteConsistency used = consistency.current();
            manifests.markComplete(manifest, written.rawBytes, written.chunks, written.sha256,
                    used.degraded() ? Map.of(DatasetManifest.META_DEGRADED, used.degradedReason()) : Map.of(),
                    used.level());
            DatasetStatus status = manifests.find(manifest.name(), manifest.version(), consistency.level())
                    .map(DatasetManifest::status).orElse(null);
            if (status != DatasetStatus.COMPLETE) {
                throw new RingsideException("the manifest row reads back as " + status + " after marking it complete");
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            long size = written.rawBytes;
            listener.onProgress(new LoadProgress("complete", LoadProgress.UNIT_BYTES, size, size,
                    size / Math.max(1e-9, elapsed.toNanos() / 1e9), written.chunks, used.degradedReason()));
            return new LoadResult(manifest.name(), manifest.version(), manifest.kind(), written.chunks,
                    written.rawBytes, written.storedBytes, written.sha256, elapsed, used.degradedReason());
        } catch (LoadInterruptedException e) {
            if (e.interruption() == LoadInterruption.CANCEL) {
                claimedVersion(claimed).ifPresent(m -> giveUp(m, DatasetStatus.CANCELLED, "cancelled"));
            }
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            claimedVersion(claimed).ifPresent(m -> giveUp(m, DatasetStatus.CANCELLED, "cancelled"));
            throw new RingsideException("Loading " + describe(draft, claimed) + " was cancelled");
        } catch (RuntimeException | IOException | Error e) {
            Throwable cause = unwrap(e);
            String reason = reasonOf(cause);
            Optional<DatasetManifest> manifest = claimedVersion(claimed);
            if (manifest.isEmpty()) {
                Optional<NotEnoughReplicasException> replicas = NotEnoughReplicasException.in(cause);
                if (replicas.isPresent()) {
                    throw replicas.get();
                }
                throw cause instanceof RuntimeException runtime ? runtime
                        : new RingsideException("Loading " + draft.name() + " from " + file + " failed: " + reason, e);
            }
            giveUp(manifest.get(), DatasetStatus.FAILED, reason);
            if (cause instanceof InvalidInputException) {
                throw new InvalidInputException(reason + " (" + manifest.get().describe() + " is marked failed)");
            }
            throw new RingsideException("Loading " + manifest.get().describe() + " from " + file + " failed: " + reason, e);
        }
    }

    /** The version the claim won, once it has finished; empty when the claim itself failed. */
    private static Optional<DatasetManifest> claimedVersion(CompletableFuture<DatasetManifest> claimed) {
        try {
            return Optional.of(claimed.join());
        } catch (CompletionException | CancellationException e) {
            return Optional.empty();
        }
    }

    private static String describe(DatasetManifest draft, CompletableFuture<DatasetManifest> claimed) {
        return claimedVersion(claimed).map(DatasetManifest::describe).orElse(draft.name());
    }

    private record Written(int chunks, long rawBytes, long storedBytes, String sha256, int reused,
                           Map<Integer, ChunkTable.StoredChunk> sent) {
    }

    /**
     * Reads the file once: every slice goes to the whole-file digest, to the gzip validation (when
     * there is one) and, hashed and compressed on a worker thread, to Cassandra as soon as the
     * version is claimed. The claim's round trips thus overlap the first slices' work.
     */
    private Written writeAndVerify(DatasetManifest draft, CompletableFuture<DatasetManifest> claimed, Path file,
                                   Validation validation, ExecutorService workers, ProgressListener listener)
            throws IOException, InterruptedException {
        ProgressThrottle progress = new ProgressThrottle(listener, "write", draft.rawBytes());
        if (consistency.current().degraded()) {
            progress.note(consistency.current().degradedReason());
        }
        Semaphore permits = new Semaphore(MAX_IN_FLIGHT);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong storedBytes = new AtomicLong();
        Map<Integer, ChunkTable.StoredChunk> sent = new ConcurrentHashMap<>();
        MessageDigest whole = ChunkCodec.newSha256();
        int seq = 0;
        long rawBytes = 0;
        int reused = 0;
        RateLimiter writeRate = control.maxBytesPerSecond() > 0 ? new RateLimiter(control.maxBytesPerSecond()) : null;
        LoadInterruption stop = null;
        if (!kept.isEmpty()) {
            progress.note("resuming " + describe(draft, claimed) + ": " + kept.size() + " chunk(s) already stored");
        }
        try (SliceReader in = new SliceReader(file, layout.sliceBytes())) {
            while (failure.get() == null && !validation.done().isCompletedExceptionally()
                    && (stop = control.interruption().get()) == null) {
                byte[] raw = in.next();
                if (raw.length == 0) {
                    validation.end();
                    break;
                }
                validation.offer(raw);
                whole.update(raw);
                rawBytes += raw.length;
                ChunkTable.StoredChunk stored = kept.get(seq);
                if (stored != null && stored.rawBytes() == raw.length && ChunkCodec.sha256(raw).equals(stored.sha256())) {
                    sent.put(seq, stored);
                    storedBytes.addAndGet(stored.gzBytes());
                    progress.chunkDone(raw.length);
                    reused++;
                    seq++;
                    continue;
                }
                if (writeRate != null) {
                    writeRate.acquire(raw.length);
                }
                permits.acquire();
                int chunkSeq = seq;
                CompletableFuture.supplyAsync(() -> prepare(chunkSeq, raw), workers)
                        .thenCompose(chunk -> claimed.thenCompose(manifest -> {
                            storedBytes.addAndGet(chunk.gz.length);
                            sent.put(chunkSeq, new ChunkTable.StoredChunk(chunkSeq, new byte[0], raw.length,
                                    chunk.gz.length, chunk.sha));
                            return writeChunk(manifest, chunkSeq, raw.length, chunk.gz, chunk.sha, progress);
                        }))
                        .whenComplete((ok, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, unwrap(error));
                            } else {
                                progress.chunkDone(ok);
                            }
                            permits.release();
                        });
                seq++;
            }
            permits.acquire(MAX_IN_FLIGHT);
        }
        if (stop != null && failure.get() == null) {
            throw new LoadInterruptedException(stop, "Loading " + describe(draft, claimed) + " was "
                    + (stop == LoadInterruption.CANCEL ? "cancelled" : "suspended") + " after " + seq + " of "
                    + draft.chunkCount() + " chunks");
        }
        Throwable error = failure.get();
        if (error instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (error != null) {
            throw new RingsideException(reasonOf(error), error);
        }
        progress.finish();
        return new Written(seq, rawBytes, storedBytes.get(), HexFormat.of().formatHex(whole.digest()), reused, sent);
    }

    private record PreparedChunk(byte[] gz, String sha) {
    }

    /** Hashes and compresses a slice; on a worker thread, so it overlaps reading the next one. */
    private static PreparedChunk prepare(int seq, byte[] raw) {
        byte[] gz = ChunkCodec.gzip(raw);
        if (gz.length > ChunkLayout.MAX_CHUNK_BYTES) {
            throw new IllegalStateException("chunk " + seq + " is " + gz.length + " bytes compressed, over the "
                    + ChunkLayout.MAX_CHUNK_BYTES + "-byte limit");
        }
        return new PreparedChunk(gz, ChunkCodec.sha256(raw));
    }

    /**
     * Writes one chunk; completes with the chunk's raw size once the write is acknowledged. A write
     * that finds too few replicas alive is repeated at ONE, and the load goes on at ONE and says so.
     */
    private CompletableFuture<Long> writeChunk(DatasetManifest manifest, int seq, int rawLength, byte[] gz, String sha,
                                               ProgressThrottle progress) {
        long started = System.nanoTime();
        return insertChunk(manifest, seq, rawLength, gz, sha, consistency.level())
                .exceptionallyCompose(error -> consistency.retryAtOne(unwrap(error), progress::note)
                        ? insertChunk(manifest, seq, rawLength, gz, sha, consistency.level())
                        : CompletableFuture.failedFuture(error))
                .thenApply(written -> {
                    control.writeLatencyNanos().accept(System.nanoTime() - started);
                    return (long) rawLength;
                })
                .toCompletableFuture();
    }

    private CompletableFuture<AsyncResultSet> insertChunk(DatasetManifest manifest, int seq, int rawLength, byte[] gz,
                                                          String sha, ConsistencyLevel level) {
        return chunks.insertAsync(manifest.name(), manifest.version(), layout.bucketOf(seq), seq, gz, rawLength, sha,
                level).toCompletableFuture();
    }

    /**
     * Reads the rows of every chunk back (sha256, raw_bytes, gz_bytes; not the blob), one query
     * per bucket at the write consistency, and requires each to be exactly what was sent.
     */
    private void verifyRows(DatasetManifest manifest, int chunkCount, Map<Integer, ChunkTable.StoredChunk> sent) {
        for (int bucket = 0; bucket < layout.bucketCount(chunkCount); bucket++) {
            Map<Integer, ChunkTable.StoredChunk> stored = new HashMap<>();
            for (ChunkTable.StoredChunk row : chunks.rows(manifest.name(), manifest.version(), bucket,
                    consistency.level())) {
                stored.put(row.seq(), row);
            }
            int last = Math.min(chunkCount, (bucket + 1) * layout.chunksPerBucket());
            for (int seq = bucket * layout.chunksPerBucket(); seq < last; seq++) {
                ChunkTable.StoredChunk expected = sent.get(seq);
                ChunkCheck.requireRow(seq, stored.get(seq), expected.rawBytes(), expected.gzBytes(), expected.sha256());
            }
        }
    }

    /**
     * Marks a version failed or cancelled and drops its chunks, which nothing will ever read; the
     * manifest row stays, with the reason, as the record of what happened.
     */
    private void giveUp(DatasetManifest manifest, DatasetStatus status, String reason) {
        try {
            markGivenUp(manifest, status, reason);
        } catch (RuntimeException e) {
            try {
                if (consistency.retryAtOne(e, note -> { })) {
                    markGivenUp(manifest, status, reason);
                }
            } catch (RuntimeException again) {
                // The original error matters more; the version stays 'loading' at worst, never 'complete'.
            }
        }
    }

    private void markGivenUp(DatasetManifest manifest, DatasetStatus status, String reason) {
        AbandonedVersion.mark(manifests, chunks, manifest, status, reason, consistency.level());
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    private static String reasonOf(Throwable e) {
        Throwable cause = unwrap(e);
        Optional<NotEnoughReplicasException> replicas = NotEnoughReplicasException.in(cause);
        if (replicas.isPresent()) {
            return replicas.get().getMessage();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
