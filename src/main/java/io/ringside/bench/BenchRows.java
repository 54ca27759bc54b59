package io.ringside.bench;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.ringside.core.RingsideException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The scratch table the Cluster screen's benchmark browses: {@code ringside_bench.browse_rows},
 * 1,000 rows per partition, a short text and a small blob per row. Inserts are upserts, so
 * filling it again leaves the same rows.
 */
public final class BenchRows {

    public static final String KEYSPACE = "ringside_bench";
    public static final String TABLE = "browse_rows";
    static final int ROWS_PER_PARTITION = 1_000;
    private static final int IN_FLIGHT = 128;

    private BenchRows() {
    }

    /** Creates the table if needed and writes rows 0 to {@code rows - 1}. */
    public static void fill(CqlSession session, int rows) {
        session.execute("CREATE KEYSPACE IF NOT EXISTS " + KEYSPACE
                + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        session.execute("CREATE TABLE IF NOT EXISTS " + KEYSPACE + "." + TABLE
                + " (bucket int, id int, label text, body blob, PRIMARY KEY (bucket, id))");
        PreparedStatement insert = session.prepare("INSERT INTO " + KEYSPACE + "." + TABLE
                + " (bucket, id, label, body) VALUES (?, ?, ?, ?)");
        Semaphore permits = new Semaphore(IN_FLIGHT);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int id = 0; id < rows && failure.get() == null; id++) {
            permits.acquireUninterruptibly();
            ByteBuffer body = ByteBuffer.allocate(64).putInt(0, id);
            CompletableFuture<?> write = session.executeAsync(insert.bind(id / ROWS_PER_PARTITION, id,
                            "row " + id + " of the Cluster screen benchmark", body)
                    .setConsistencyLevel(ConsistencyLevel.LOCAL_ONE).setIdempotent(true)
                    .setTimeout(Duration.ofSeconds(30))).toCompletableFuture();
            write.whenComplete((result, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
                permits.release();
            });
        }
        permits.acquireUninterruptibly(IN_FLIGHT);
        if (failure.get() != null) {
            throw new RingsideException("Filling " + KEYSPACE + "." + TABLE + " failed: " + failure.get().getMessage(),
                    failure.get());
        }
    }
}
