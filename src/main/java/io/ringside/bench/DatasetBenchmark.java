package io.ringside.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.ringside.core.RingsideException;
import io.ringside.core.data.dataset.ChunkLayout;
import io.ringside.core.data.dataset.DatasetKind;
import io.ringside.core.data.dataset.DatasetLoader;
import io.ringside.core.data.dataset.DatasetSchema;
import io.ringside.core.data.dataset.DatasetStore;
import io.ringside.core.data.dataset.ProgressListener;
import io.ringside.core.data.storage.Keyspaces;
import io.ringside.core.data.storage.WriteConsistency;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Measures what the store's guarantees cost: the same file loaded through {@link DatasetStore}
 * (inspection, gzip, manifest, read-back verification) against a bare baseline that writes the
 * same bytes in slices of the same size as blobs into a scratch table, with the same number in
 * flight and the same consistency, and nothing else. Rounds alternate between the two so that
 * compaction and flushes hit both alike; each side reports its median rate and the median CPU
 * time this JVM spent on it.
 */
public final class DatasetBenchmark {

    static final String SCRATCH = DatasetSchema.KEYSPACE + ".bench_raw_blob";
    private static final String NAME = "bench.dataset";

    /**
     * Throughput of both sides in MB/s (10^6 bytes) and the CPU time this JVM spent on each side
     * (milliseconds, all its threads), one entry per measured round. The CPU figure changes much
     * less with the machine's load than the rates do.
     */
    public record Figures(long bytes, List<Double> storeRuns, List<Double> rawRuns, List<Double> storeCpuMillis,
                          List<Double> rawCpuMillis) {
        public double storeMbPerSecond() {
            return median(storeRuns);
        }

        public double rawMbPerSecond() {
            return median(rawRuns);
        }

        public double storeCpuMs() {
            return median(storeCpuMillis);
        }

        public double rawCpuMs() {
            return median(rawCpuMillis);
        }

        public double ratio() {
            return storeMbPerSecond() / rawMbPerSecond();
        }

        private static double median(List<Double> values) {
            List<Double> sorted = values.stream().sorted().toList();
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }
    }

    private final CqlSession session;
    private final DatasetStore store;

    public DatasetBenchmark(CqlSession session) {
        this.session = session;
        this.store = new DatasetStore(session);
    }

    public Figures run(Path file, int warmups, int rounds, Consumer<String> log) {
        store.list();
        Keyspaces.ddl(session, "CREATE TABLE IF NOT EXISTS " + SCRATCH + " (run int, bucket int, seq int, data blob, "
                + "PRIMARY KEY ((run, bucket), seq))");
        removeStoreVersions();
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            throw new RingsideException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        List<Double> storeRuns = new ArrayList<>();
        List<Double> rawRuns = new ArrayList<>();
        List<Double> storeCpu = new ArrayList<>();
        List<Double> rawCpu = new ArrayList<>();
        for (int round = 0; round < warmups + rounds; round++) {
            boolean measured = round >= warmups;
            String label = measured ? "round " + (round - warmups + 1) + "/" + rounds : "warm-up " + (round + 1);
            Run raw = measure(bytes, () -> rawInserts(file));
            Run stored = measure(bytes, () -> store.load(NAME, file, DatasetKind.AUTO, ProgressListener.NONE));
            removeStoreVersions();
            log.accept(String.format("%s: store %.1f MB/s (%.0f ms CPU), raw blobs %.1f MB/s (%.0f ms CPU)", label,
                    stored.mbPerSecond, stored.cpuMillis, raw.mbPerSecond, raw.cpuMillis));
            if (measured) {
                storeRuns.add(stored.mbPerSecond);
                rawRuns.add(raw.mbPerSecond);
                storeCpu.add(stored.cpuMillis);
                rawCpu.add(raw.cpuMillis);
            }
        }
        return new Figures(bytes, storeRuns, rawRuns, storeCpu, rawCpu);
    }

    private record Run(double mbPerSecond, double cpuMillis) {
    }

    private static Run measure(long bytes, Runnable work) {
        long cpuStarted = CpuTimes.processNanos();
        long started = System.nanoTime();
        work.run();
        long elapsed = System.nanoTime() - started;
        return new Run(bytes / 1e6 / (elapsed / 1e9), (CpuTimes.processNanos() - cpuStarted) / 1e6);
    }

    private void removeStoreVersions() {
        if (!store.versions(NAME).isEmpty()) {
            store.delete(NAME, null);
        }
    }

    private void rawInserts(Path file) {
        WriteConsistency consistency = WriteConsistency.of(session);
        PreparedStatement insert = session.prepare("INSERT INTO " + SCRATCH + " (run, bucket, seq, data) VALUES (?, ?, ?, ?)");
        ChunkLayout layout = ChunkLayout.DEFAULT;
        Semaphore permits = new Semaphore(DatasetLoader.MAX_IN_FLIGHT);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int seq = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
            byte[] raw;
            while ((raw = in.readNBytes(layout.sliceBytes())).length > 0 && failure.get() == null) {
                permits.acquire();
                session.executeAsync(insert.bind(0, layout.bucketOf(seq), seq, ByteBuffer.wrap(raw))
                                .setConsistencyLevel(consistency.level()).setIdempotent(true))
                        .whenComplete((ok, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            }
                            permits.release();
                        });
                seq++;
            }
            permits.acquire(DatasetLoader.MAX_IN_FLIGHT);
        } catch (IOException e) {
            throw new RingsideException("Cannot read " + file + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RingsideException("benchmark interrupted");
        }
        if (failure.get() != null) {
            throw new RingsideException("raw blob insert failed: " + failure.get().getMessage(), failure.get());
        }
        for (int bucket = 0; bucket < layout.bucketCount(seq); bucket++) {
            session.execute("DELETE FROM " + SCRATCH + " WHERE run = 0 AND bucket = " + bucket);
        }
    }
}
