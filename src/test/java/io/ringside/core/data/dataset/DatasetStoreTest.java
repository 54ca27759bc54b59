package io.ringside.core.data.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.ringside.core.NotFoundException;
import io.ringside.core.connect.Backends;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The dataset store against the real shared stack. */
@ExtendWith(SharedStack.class)
class DatasetStoreTest {

    /** Small slices and buckets, so a few hundred KB exercise several chunks and partitions. */
    private static final ChunkLayout TINY = new ChunkLayout(64 * 1024, 3);

    private static Backends backends;
    private static DatasetStore store;

    @TempDir
    Path dir;

    @BeforeAll
    static void open(TestStack stack) {
        backends = stack.backends();
        store = new DatasetStore(backends.cql());
    }

    @AfterAll
    static void close() {
        backends.close();
    }

    private static CqlSession cql() {
        return backends.cql();
    }

    /**
     * A load stopped after its first chunk (as a worker stops for the next one to continue) leaves
     * its version {@code loading}; when no load says it is alive for long enough (the next worker
     * never came), the next process that uses the store, and every {@code list}, ends it: failed
     * with the reason, its chunks dropped. A version whose load is alive is left alone.
     */
    @Test
    void aLoadingVersionThatNoLoadWritesAnyMoreIsEndedAtStartAndByList() throws IOException {
        DatasetStore tiny = new DatasetStore(cql(), TINY);
        Path file = DatasetFixtures.write(dir, "stopped.bin", DatasetFixtures.randomBytes(400 * 1024, 7));
        String abandoned = DatasetFixtures.uniqueName("abandoned");
        String alive = DatasetFixtures.uniqueName("alive");
        for (String name : List.of(abandoned, alive)) {
            java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
            assertThrows(LoadInterruptedException.class, () -> tiny.load(name, file, DatasetKind.BINARY,
                    p -> written.set(p.chunks()), new LoadControl("job-" + name, 0,
                            () -> written.get() > 0 ? LoadInterruption.SUSPEND : null, nanos -> { })));
            assertEquals(DatasetStatus.LOADING, tiny.manifest(name, 1).orElseThrow().status());
        }
        ManifestTable manifests = new ManifestTable(cql());
        manifests.markAlive(abandoned, 1, java.time.Instant.now().minus(DatasetStore.ABANDONED_AFTER).minusSeconds(60),
                com.datastax.oss.driver.api.core.DefaultConsistencyLevel.LOCAL_QUORUM);

        DatasetStore nextProcess = new DatasetStore(cql(), TINY);
        DatasetManifest ended = nextProcess.manifest(abandoned, 1).orElseThrow();
        assertEquals(DatasetStatus.FAILED, ended.status());
        assertTrue(ended.meta().get(DatasetManifest.META_FAILURE).startsWith("abandoned: no load has written it since"),
                ended.meta().toString());
        assertEquals(0, cql().execute(SimpleStatement.newInstance(
                "SELECT seq FROM datasets.dataset_chunk WHERE name = ? AND version = 1 AND bucket = 0", abandoned))
                .all().size(), "the abandoned version's chunks are dropped");
        assertEquals(DatasetStatus.LOADING, nextProcess.manifest(alive, 1).orElseThrow().status());

        manifests.markAlive(alive, 1, java.time.Instant.now().minus(DatasetStore.ABANDONED_AFTER).minusSeconds(60),
                com.datastax.oss.driver.api.core.DefaultConsistencyLevel.LOCAL_QUORUM);
        DatasetManifest listed = nextProcess.list().stream().filter(m -> m.name().equals(alive)).findFirst().orElseThrow();
        assertEquals(DatasetStatus.FAILED, listed.status(), "dataset list ends it too");
        assertEquals(DatasetStatus.FAILED, nextProcess.manifest(alive, 1).orElseThrow().status());
    }

    @Test
    void incompressibleBinaryRoundTripsThroughThreeStandaloneGzipChunks() throws IOException {
        byte[] input = DatasetFixtures.randomBytes(12 * 1024 * 1024, 42);
        Path file = DatasetFixtures.write(dir, "random.bin", input);
        String name = DatasetFixtures.uniqueName("roundtrip");
        List<LoadProgress> events = new CopyOnWriteArrayList<>();

        LoadResult result = store.load(name, file, DatasetKind.AUTO, events::add);

        assertEquals(1, result.version());
        assertEquals(3, result.chunks());
        assertEquals(input.length, result.rawBytes());
        assertEquals(DatasetFixtures.sha256(file), result.sha256());
        DatasetManifest manifest = store.manifest(name, 1).orElseThrow();
        assertEquals(DatasetStatus.COMPLETE, manifest.status());
        assertEquals("binary", manifest.kind());
        assertEquals(3, manifest.chunkCount());
        assertEquals(ChunkLayout.RAW_SLICE_BYTES, manifest.chunkSize());

        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (int seq = 0; seq < 3; seq++) {
            byte[] chunk = store.readChunk(name, 1, seq);
            assertTrue(chunk.length <= ChunkLayout.MAX_CHUNK_BYTES, "chunk " + seq + " is " + chunk.length + " bytes");
            assertEquals(0x1f, chunk[0] & 0xff);
            assertEquals(0x8b, chunk[1] & 0xff);
            try (GzipScanner member = new GzipScanner(new ByteArrayInputStream(chunk))) {
                joined.write(member.readAllBytes());
            }
        }
        assertArrayEquals(input, joined.toByteArray());
        for (Row row : cql().execute("SELECT bucket, seq FROM datasets.dataset_chunk WHERE name = '" + name
                + "' AND version = 1 AND bucket = 0")) {
            assertTrue(row.getInt("seq") < 3);
        }

        Path exported = dir.resolve("out/exported.bin");
        ExportResult export = store.export(name, null, exported, ProgressListener.NONE);
        assertEquals(result.sha256(), DatasetFixtures.sha256(exported));
        assertEquals(result.sha256(), export.sha256());
        try (var leftovers = Files.list(exported.getParent())) {
            assertEquals(List.of(exported), leftovers.toList(), "no temp file is left behind");
        }

        assertTrue(events.stream().anyMatch(e -> e.phase().equals("write") && e.done() == input.length));
        assertTrue(events.stream().allMatch(e -> e.unit().equals("bytes")));
        assertTrue(events.size() <= 3 + 4, "at most one report per chunk plus phase ends: " + events);
        assertTrue(store.verify(name, null).ok());
    }

    @Test
    void smallIdxFilesAreRecognisedRawAndGzipped() {
        byte[] idx = DatasetFixtures.idxImages(100, 28, 28);
        String name = DatasetFixtures.uniqueName("idx");
        Path raw = DatasetFixtures.write(dir, "images.idx", idx);
        Path gz = DatasetFixtures.write(dir, "images.idx.gz", DatasetFixtures.gzip(idx));

        LoadResult first = store.load(name, raw, DatasetKind.AUTO, ProgressListener.NONE);
        LoadResult second = store.load(name, gz, DatasetKind.IDX, ProgressListener.NONE);

        for (LoadResult result : List.of(first, second)) {
            DatasetManifest manifest = store.manifest(name, result.version()).orElseThrow();
            assertEquals("idx", manifest.kind());
            assertEquals("100", manifest.meta().get("idx.count"));
            assertEquals("28x28", manifest.meta().get("idx.dims"));
            assertEquals("ubyte", manifest.meta().get("idx.dtype"));
        }
        assertEquals("false", store.manifest(name, 1).orElseThrow().meta().get("idx.gzip"));
        assertEquals("true", store.manifest(name, 2).orElseThrow().meta().get("idx.gzip"));
        assertEquals(DatasetFixtures.sha256(gz), second.sha256(), "a .gz input is stored as it is");
    }

    @Test
    void aTruncatedIdxIsRejectedAndLeavesNoCompleteVersion() {
        String name = DatasetFixtures.uniqueName("truncated");
        byte[] idx = DatasetFixtures.idxImages(100, 28, 28);
        Path cut = DatasetFixtures.write(dir, "cut.idx", DatasetFixtures.truncate(idx, 40_000));
        byte[] gz = DatasetFixtures.gzip(idx);
        Path cutGz = DatasetFixtures.write(dir, "cut.idx.gz", DatasetFixtures.truncate(gz, gz.length - 100));

        InvalidInputException raw = assertThrows(InvalidInputException.class,
                () -> store.load(name, cut, DatasetKind.AUTO, ProgressListener.NONE));
        assertTrue(raw.getMessage().contains("byte offset 40000") && raw.getMessage().contains("cut.idx"),
                raw.getMessage());
        InvalidInputException compressed = assertThrows(InvalidInputException.class,
                () -> store.load(name, cutGz, DatasetKind.IDX, ProgressListener.NONE));
        assertTrue(compressed.getMessage().contains("compressed byte offset " + (gz.length - 100)),
                compressed.getMessage());

        assertTrue(store.versions(name).stream().noneMatch(DatasetManifest::complete));
        assertTrue(store.newestComplete(name).isEmpty());
    }

    @Test
    void aGzippedIdxOverManySlicesIsValidatedAsItIsStored() {
        DatasetStore tiny = new DatasetStore(cql(), TINY);
        String name = DatasetFixtures.uniqueName("idxslices");
        byte[] gz = DatasetFixtures.gzip(DatasetFixtures.idxNoisyImages(2000, 28, 28, 3));
        Path file = DatasetFixtures.write(dir, "noisy.idx.gz", gz);

        LoadResult result = tiny.load(name, file, DatasetKind.AUTO, ProgressListener.NONE);

        assertTrue(result.chunks() > 2 * TINY.chunksPerBucket(), result.chunks() + " chunks span several buckets");
        assertEquals(DatasetFixtures.sha256(file), result.sha256());
        DatasetManifest manifest = store.manifest(name, 1).orElseThrow();
        assertEquals(DatasetStatus.COMPLETE, manifest.status());
        assertEquals("idx", manifest.kind());
        assertEquals("2000", manifest.meta().get("idx.count"));
        assertTrue(store.verify(name, 1).ok());
    }

    @Test
    void aCorruptGzipFailsTheLoadWithItsOffsetAndLeavesNothingComplete() {
        DatasetStore tiny = new DatasetStore(cql(), TINY);
        String name = DatasetFixtures.uniqueName("badgzip");
        byte[] gz = DatasetFixtures.gzip(DatasetFixtures.idxNoisyImages(2000, 28, 28, 4));
        int damage = gz.length / 2;
        for (int i = damage; i < damage + 16; i++) {
            gz[i] = (byte) ~gz[i];
        }
        Path file = DatasetFixtures.write(dir, "damaged.idx.gz", gz);

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> tiny.load(name, file, DatasetKind.AUTO, ProgressListener.NONE));

        assertTrue(e.getMessage().contains("damaged.idx.gz") && e.getMessage().contains("broken gzip at compressed byte offset"),
                e.getMessage());
        long offset = Long.parseLong(e.getMessage().replaceAll(".*compressed byte offset (\\d+).*", "$1"));
        assertTrue(offset >= damage && offset < gz.length, "offset " + offset + " vs damage at " + damage);
        List<DatasetManifest> versions = store.versions(name);
        assertEquals(1, versions.size());
        assertEquals(DatasetStatus.FAILED, versions.get(0).status());
        assertTrue(versions.get(0).meta().get(DatasetManifest.META_FAILURE).contains("compressed byte offset"));
        assertEquals(0, chunkRows(name, 1, TINY.bucketCount(TINY.chunkCount(gz.length))), "its chunks are dropped");
        assertTrue(store.newestComplete(name).isEmpty());
    }

    @Test
    void aSecondLoadCreatesVersionTwoAndListShowsBoth() {
        String name = DatasetFixtures.uniqueName("versions");
        Path file = DatasetFixtures.write(dir, "v.bin", DatasetFixtures.randomBytes(1000, 5));

        assertEquals(1, store.load(name, file, DatasetKind.BINARY, ProgressListener.NONE).version());
        assertEquals(2, store.load(name, file, DatasetKind.BINARY, ProgressListener.NONE).version());

        List<Integer> listed = new ArrayList<>();
        store.list().stream().filter(m -> m.name().equals(name)).forEach(m -> listed.add(m.version()));
        assertEquals(List.of(2, 1), listed);
        assertEquals(2, store.newestComplete(name).orElseThrow().version());
    }

    @Test
    void chunksSpreadOverBucketsAndVerifyNamesACorruptedChunk() {
        DatasetStore tiny = new DatasetStore(cql(), TINY);
        String name = DatasetFixtures.uniqueName("corrupt");
        byte[] input = DatasetFixtures.randomBytes(7 * 64 * 1024 + 123, 9);
        Path file = DatasetFixtures.write(dir, "c.bin", input);
        LoadResult result = tiny.load(name, file, DatasetKind.BINARY, ProgressListener.NONE);
        assertEquals(8, result.chunks());
        Row seven = cql().execute("SELECT bucket FROM datasets.dataset_chunk WHERE name = '" + name
                + "' AND version = 1 AND bucket = 2 AND seq = 7").one();
        assertEquals(2, seven.getInt("bucket"), "seq 7 lives in bucket 7 / 3 = 2");
        assertTrue(tiny.verify(name, 1).ok());

        cql().execute(SimpleStatement.newInstance("UPDATE datasets.dataset_chunk SET data = ? WHERE name = ? "
                        + "AND version = 1 AND bucket = 1 AND seq = 4",
                ByteBuffer.wrap(ChunkCodec.gzip(DatasetFixtures.randomBytes(64 * 1024, 10))), name));

        VerifyResult verify = store.verify(name, 1);
        assertFalse(verify.ok());
        assertEquals(List.of(4), verify.badChunks().stream().map(VerifyResult.BadChunk::seq).toList());
        assertTrue(verify.badChunks().get(0).reason().contains("sha-256"), verify.badChunks().get(0).reason());
        Path target = dir.resolve("never.bin");
        assertThrows(io.ringside.core.RingsideException.class,
                () -> store.export(name, 1, target, ProgressListener.NONE));
        assertFalse(Files.exists(target));
    }

    @Test
    void deleteRemovesManifestAndChunks() {
        DatasetStore tiny = new DatasetStore(cql(), TINY);
        String name = DatasetFixtures.uniqueName("delete");
        Path file = DatasetFixtures.write(dir, "d.bin", DatasetFixtures.randomBytes(5 * 64 * 1024, 11));
        tiny.load(name, file, DatasetKind.BINARY, ProgressListener.NONE);
        tiny.load(name, file, DatasetKind.BINARY, ProgressListener.NONE);

        assertEquals(List.of(1), store.delete(name, 1).stream().map(DatasetManifest::version).toList());
        assertTrue(store.manifest(name, 1).isEmpty());
        assertEquals(0, chunkRows(name, 1, 2));
        assertEquals(5, chunkRows(name, 2, 2));

        assertEquals(1, store.delete(name, null).size());
        assertTrue(store.versions(name).isEmpty());
        assertEquals(0, chunkRows(name, 2, 2));
        assertThrows(NotFoundException.class, () -> store.delete(name, null));
        assertThrows(NotFoundException.class, () -> store.readChunk(name, 2, 0));
    }

    @Test
    void unknownNamesAndVersionsAreNotFound() {
        String name = DatasetFixtures.uniqueName("missing");
        assertThrows(NotFoundException.class, () -> store.verify(name, null));
        assertThrows(NotFoundException.class, () -> store.export(name, null, dir.resolve("x"), ProgressListener.NONE));
        assertThrows(NotFoundException.class, () -> store.readChunk(name, 1, 0));
        assertTrue(store.manifest(name, 1).isEmpty());
        assertNull(store.newestComplete(name).orElse(null));
    }

    private static long chunkRows(String name, int version, int buckets) {
        long rows = 0;
        for (int bucket = 0; bucket < buckets; bucket++) {
            rows += cql().execute(SimpleStatement.newInstance("SELECT count(*) FROM datasets.dataset_chunk WHERE name = ? "
                    + "AND version = ? AND bucket = ?", name, version, bucket)).one().getLong(0);
        }
        return rows;
    }
}
