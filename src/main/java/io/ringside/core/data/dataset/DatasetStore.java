package io.ringside.core.data.dataset;

import com.datastax.oss.driver.api.core.CqlSession;
import io.ringside.core.MessageText;
import io.ringside.core.NotFoundException;
import io.ringside.core.RingsideException;
import io.ringside.core.connect.AccessGuard;
import io.ringside.core.data.storage.WriteConsistency;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The chunked dataset store over Cassandra: load a file as a new version, list, verify, export
 * byte-identically, delete, and read single chunks (the unit a Redis cache-aside layer caches as
 * {@code dataset:<name>:<version>:chunk:<seq>}). Only {@code complete} versions are exported or
 * served; the tables are created on first use.
 */
public final class DatasetStore {

    /** Names become parts of Redis keys and file names: no separators, no spaces. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /** Six missed beats of a running load ({@link DatasetLoader#HEARTBEAT}). */
    static final Duration ABANDONED_AFTER = Duration.ofSeconds(90);

    private final CqlSession session;
    private final ChunkLayout layout;
    private final AccessGuard guard;
    private ManifestTable manifests;
    private ChunkTable chunks;

    public DatasetStore(CqlSession session) {
        this(session, ChunkLayout.DEFAULT, AccessGuard.READ_WRITE);
    }

    /** A store whose loads and deletes first ask {@code guard} (a read-only profile refuses them). */
    public DatasetStore(CqlSession session, AccessGuard guard) {
        this(session, ChunkLayout.DEFAULT, guard);
    }

    DatasetStore(CqlSession session, ChunkLayout layout) {
        this(session, layout, AccessGuard.READ_WRITE);
    }

    DatasetStore(CqlSession session, ChunkLayout layout, AccessGuard guard) {
        this.session = session;
        this.layout = layout;
        this.guard = guard;
    }

    private synchronized void ready() {
        if (manifests == null) {
            DatasetSchema.ensure(session);
            manifests = new ManifestTable(session);
            chunks = new ChunkTable(session);
            endAbandoned(manifests.all());
        }
    }

    /**
     * Ends the {@code loading} versions no load has said it writes for {@link #ABANDONED_AFTER}
     * (a killed worker, a job that failed while a node was down and could not mark its version):
     * they are marked failed with the reason and their chunks dropped, so that a version never stays
     * {@code loading} without a live load. Runs when a process first uses the store and at each
     * {@link #list()}; not on a read-only profile, which only shows them.
     *
     * @return {@code all} with the ended versions as they are now
     */
    private List<DatasetManifest> endAbandoned(List<DatasetManifest> all) {
        if (guard.readOnly() || all.stream().noneMatch(m -> m.status() == DatasetStatus.LOADING)) {
            return all;
        }
        Instant cutoff = Instant.now().minus(ABANDONED_AFTER);
        List<DatasetManifest> result = new ArrayList<>(all.size());
        for (DatasetManifest manifest : all) {
            Instant alive = lastAlive(manifest);
            if (manifest.status() != DatasetStatus.LOADING || alive == null || alive.isAfter(cutoff)) {
                result.add(manifest);
                continue;
            }
            String reason = "abandoned: no load has written it since " + alive + " (its worker or job is gone)";
            WriteConsistency consistency = WriteConsistency.of(session);
            try {
                AbandonedVersion.mark(manifests, chunks, manifest, DatasetStatus.FAILED, reason, consistency.level());
                result.add(manifests.find(manifest.name(), manifest.version(), WriteConsistency.READ).orElse(manifest));
            } catch (RuntimeException e) {
                result.add(manifest);
            }
        }
        return result;
    }

    private static Instant lastAlive(DatasetManifest manifest) {
        String alive = manifest.meta().get(DatasetManifest.META_ALIVE_AT);
        try {
            return alive != null ? Instant.parse(alive) : manifest.created();
        } catch (DateTimeParseException e) {
            return manifest.created();
        }
    }

    /**
     * Stores a file as the next version of {@code name}.
     *
     * @throws InvalidInputException for a truncated or corrupt IDX/gzip file; no version is created
     * @throws RingsideException when writing fails; the version is then marked {@code failed}
     */
    public LoadResult load(String name, Path file, DatasetKind kind, ProgressListener listener) {
        return load(name, file, kind, listener, LoadControl.NONE);
    }

    /**
     * As {@link #load(String, Path, DatasetKind, ProgressListener)}, for a job: a {@code loading}
     * version that carries the same job id is continued from its verified chunks rather than a
     * new version claimed, and the load stops at a chunk boundary when asked to.
     *
     * @throws LoadInterruptedException when {@code control} asked it to stop
     */
    public LoadResult load(String name, Path file, DatasetKind kind, ProgressListener listener, LoadControl control) {
        guard.checkWritable("load dataset " + name);
        requireValidName(name);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("Cannot read " + file + ": no such file");
        }
        ready();
        WriteConsistency consistency = WriteConsistency.of(session);
        try {
            return new DatasetLoader(manifests, chunks, layout, consistency).load(name, file, kind, listener, control);
        } catch (IOException e) {
            throw new RingsideException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every version of every dataset, by name, newest version first. */
    public List<DatasetManifest> list() {
        ready();
        return endAbandoned(manifests.all());
    }

    /** Every version of one dataset, newest first; empty for an unknown name. */
    public List<DatasetManifest> versions(String name) {
        ready();
        return manifests.versions(name);
    }

    public Optional<DatasetManifest> manifest(String name, int version) {
        ready();
        return manifests.find(name, version, WriteConsistency.READ);
    }

    /** The version a job stored (or is storing), found by the job id in its meta. */
    public Optional<DatasetManifest> versionOfJob(String name, String jobId) {
        return versions(name).stream().filter(m -> jobId.equals(m.meta().get(DatasetManifest.META_JOB_ID))).findFirst();
    }

    public Optional<DatasetManifest> newestComplete(String name) {
        return versions(name).stream().filter(DatasetManifest::complete).findFirst();
    }

    /** Re-reads every chunk of a version (the newest complete one by default). */
    public VerifyResult verify(String name, Integer version) {
        return verify(name, version, ProgressListener.NONE);
    }

    public VerifyResult verify(String name, Integer version, ProgressListener listener) {
        DatasetManifest manifest = resolve(name, version, false);
        ProgressThrottle progress = new ProgressThrottle(listener, "verify", manifest.rawBytes());
        MessageDigest whole = ChunkCodec.newSha256();
        List<VerifyResult.BadChunk> bad = new ArrayList<>();
        long rawBytes = 0;
        int expectedSeq = 0;
        ChunkLayout versionLayout = manifest.layout();
        for (int bucket = 0; bucket < versionLayout.bucketCount(manifest.chunkCount()); bucket++) {
            Iterator<ChunkTable.StoredChunk> scan = chunks.scan(manifest.name(), manifest.version(), bucket);
            while (scan.hasNext()) {
                ChunkTable.StoredChunk stored = scan.next();
                for (; expectedSeq < stored.seq(); expectedSeq++) {
                    bad.add(new VerifyResult.BadChunk(expectedSeq, "missing"));
                }
                if (stored.seq() >= manifest.chunkCount() || versionLayout.bucketOf(stored.seq()) != bucket) {
                    bad.add(new VerifyResult.BadChunk(stored.seq(), "does not belong to this version's layout"));
                    continue;
                }
                try {
                    byte[] raw = ChunkCheck.requireIntact(stored.seq(), stored, stored.rawBytes(), stored.sha256());
                    whole.update(raw);
                    rawBytes += raw.length;
                    progress.chunkDone(raw.length);
                } catch (ChunkCheck.BadChunkException e) {
                    bad.add(new VerifyResult.BadChunk(e.seq, e.reason()));
                }
                expectedSeq = stored.seq() + 1;
            }
        }
        for (; expectedSeq < manifest.chunkCount(); expectedSeq++) {
            bad.add(new VerifyResult.BadChunk(expectedSeq, "missing"));
        }
        progress.finish();
        String sha = HexFormat.of().formatHex(whole.digest());
        boolean shaMatches = bad.isEmpty() && sha.equals(manifest.sha256()) && rawBytes == manifest.rawBytes();
        return new VerifyResult(manifest.name(), manifest.version(), manifest.chunkCount(), rawBytes, sha, shaMatches,
                List.copyOf(bad));
    }

    /**
     * Writes a complete version (the newest by default) to {@code target}, byte-identical to the
     * loaded file. Every chunk and the whole sha-256 are checked on the way; the file appears
     * under its name only when all of it was written and checked (temp file, then move).
     * {@code target} must be a regular file or not exist: the move would replace a device node or
     * a fifo with a file, so those are refused. A symbolic link is followed: the file it points
     * at is replaced and the link stays.
     *
     * @throws IllegalArgumentException for a target that is not a regular file, or a dangling link
     */
    public ExportResult export(String name, Integer version, Path target, ProgressListener listener) {
        long started = System.nanoTime();
        Path absolute = exportTarget(target);
        DatasetManifest manifest = resolve(name, version, true);
        Path folder = absolute.getParent();
        Path temp = null;
        try {
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, "." + absolute.getFileName(), ".part");
            String sha;
            try (OutputStream out = Files.newOutputStream(temp)) {
                sha = copyChunks(manifest, out, new ProgressThrottle(listener, "export", manifest.rawBytes()));
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            return new ExportResult(manifest.name(), manifest.version(), absolute, manifest.rawBytes(), sha,
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new RingsideException("Cannot write " + absolute + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a leftover .part file is harmless and named after the target
                }
            }
        }
    }

    /**
     * Where an export writes: the file {@code target} names, through a symbolic link, if it may be
     * replaced. Table exports write under the same rule.
     *
     * @throws IllegalArgumentException for a directory, device, fifo or socket, or a dangling link
     */
    public static Path exportTarget(Path target) {
        Path absolute = target.toAbsolutePath();
        if (Files.isSymbolicLink(absolute)) {
            try {
                absolute = absolute.toRealPath();
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot export to " + target + ": it is a symbolic link to "
                        + linkTarget(absolute) + ", which does not exist; export to that path or to another file");
            }
        }
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)) {
            String kind = Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS) ? "a directory"
                    : "a device, fifo or socket";
            throw new IllegalArgumentException("Cannot export to " + target + ": it is " + kind
                    + ", not a regular file; an export writes a new file and replaces only a regular one");
        }
        return absolute;
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "a missing file";
        }
    }

    private String copyChunks(DatasetManifest manifest, OutputStream out, ProgressThrottle progress)
            throws IOException {
        MessageDigest whole = ChunkCodec.newSha256();
        ChunkLayout versionLayout = manifest.layout();
        int expectedSeq = 0;
        for (int bucket = 0; bucket < versionLayout.bucketCount(manifest.chunkCount()); bucket++) {
            Iterator<ChunkTable.StoredChunk> scan = chunks.scan(manifest.name(), manifest.version(), bucket);
            while (scan.hasNext()) {
                ChunkTable.StoredChunk stored = scan.next();
                if (stored.seq() != expectedSeq) {
                    throw corrupt(manifest, "chunk " + expectedSeq + " is missing");
                }
                byte[] raw;
                try {
                    raw = ChunkCheck.requireIntact(stored.seq(), stored, stored.rawBytes(), stored.sha256());
                } catch (ChunkCheck.BadChunkException e) {
                    throw corrupt(manifest, e.getMessage());
                }
                out.write(raw);
                whole.update(raw);
                progress.chunkDone(raw.length);
                expectedSeq++;
            }
        }
        if (expectedSeq != manifest.chunkCount()) {
            throw corrupt(manifest, "chunk " + expectedSeq + " is missing");
        }
        String sha = HexFormat.of().formatHex(whole.digest());
        if (!sha.equals(manifest.sha256())) {
            throw corrupt(manifest, "sha-256 " + sha + " does not match the manifest's " + manifest.sha256());
        }
        progress.finish();
        return sha;
    }

    private static RingsideException corrupt(DatasetManifest manifest, String what) {
        return new RingsideException(manifest.describe() + " is damaged: " + what
                + "; nothing was exported (run 'dataset verify' for every bad chunk)");
    }

    /**
     * Deletes one version, or every version when {@code version} is null: chunks first, the
     * manifest row last, after marking it failed, so an interrupted delete never leaves a
     * version that claims to be complete and can simply be repeated.
     *
     * @return the versions that were deleted
     * @throws NotFoundException for an unknown dataset or version
     */
    public List<DatasetManifest> delete(String name, Integer version) {
        guard.checkWritable("delete dataset " + name + (version == null ? "" : " version " + version));
        List<DatasetManifest> doomed = version == null ? versions(name)
                : manifest(name, version).map(List::of).orElse(List.of());
        if (doomed.isEmpty()) {
            throw notFound(name, version);
        }
        WriteConsistency consistency = WriteConsistency.of(session);
        for (DatasetManifest manifest : doomed) {
            AbandonedVersion.mark(manifests, chunks, manifest, DatasetStatus.FAILED, "being deleted", consistency.level());
            manifests.delete(manifest.name(), manifest.version(), consistency.level());
        }
        return doomed;
    }

    /**
     * The stored gzip member of one chunk of a complete version, as the cache layer keeps it.
     *
     * @throws NotFoundException for an unknown or not complete version, or a seq it does not have
     */
    public byte[] readChunk(String name, int version, int seq) {
        DatasetManifest manifest = resolve(name, version, true);
        if (seq < 0 || seq >= manifest.chunkCount()) {
            throw new NotFoundException(manifest.describe() + " has no chunk " + seq + " (it has "
                    + manifest.chunkCount() + ")");
        }
        ChunkTable.StoredChunk stored = chunks.read(name, version, manifest.layout().bucketOf(seq), seq);
        if (stored == null) {
            throw new NotFoundException(manifest.describe() + " is missing chunk " + seq);
        }
        return stored.data();
    }

    /** The manifest a command means: the given version, else the newest complete one. */
    private DatasetManifest resolve(String name, Integer version, boolean mustBeComplete) {
        if (version == null) {
            return newestComplete(name).orElseThrow(() -> versions(name).isEmpty() ? notFound(name, null)
                    : new NotFoundException("Dataset '" + MessageText.quote(name) + "' has no complete version"));
        }
        DatasetManifest manifest = manifest(name, version).orElseThrow(() -> notFound(name, version));
        if (mustBeComplete && !manifest.complete()) {
            throw new NotFoundException(manifest.describe() + " is " + manifest.status().label()
                    + ", not complete");
        }
        return manifest;
    }

    private NotFoundException notFound(String name, Integer version) {
        if (version == null || versions(name).isEmpty()) {
            return new NotFoundException("No dataset named '" + MessageText.quote(name) + "'");
        }
        return new NotFoundException("Dataset '" + MessageText.quote(name) + "' has no version " + version);
    }

    public static void requireValidName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid dataset name '" + MessageText.quote(name) + "': use 1-100 letters, digits, "
                    + "'.', '_' or '-', starting with a letter or digit");
        }
    }
}
