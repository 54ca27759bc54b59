package io.ringside.core.data.dataset;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.ringside.core.data.storage.WriteConsistency;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Reads and writes chunk rows ({@code datasets.dataset_chunk}). Reads of chunk data fetch
 * {@value #FETCH_SIZE} rows per page: a chunk is up to 5 MiB, and the driver would otherwise
 * ask for thousands of rows per page and buffer a partition's worth of blobs.
 */
final class ChunkTable {

    static final int FETCH_SIZE = 2;

    /** One stored chunk as read back. */
    record StoredChunk(int seq, byte[] data, int rawBytes, int gzBytes, String sha256) {
    }

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement one;
    private final PreparedStatement bucket;
    private final PreparedStatement bucketRows;
    private final PreparedStatement deleteBucket;

    ChunkTable(CqlSession session) {
        this.session = session;
        String table = DatasetSchema.CHUNK;
        insert = session.prepare("INSERT INTO " + table + " (name, version, bucket, seq, data, raw_bytes, gz_bytes, "
                + "sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        one = session.prepare("SELECT seq, data, raw_bytes, gz_bytes, sha256 FROM " + table
                + " WHERE name = ? AND version = ? AND bucket = ? AND seq = ?");
        bucket = session.prepare("SELECT seq, data, raw_bytes, gz_bytes, sha256 FROM " + table
                + " WHERE name = ? AND version = ? AND bucket = ?");
        bucketRows = session.prepare("SELECT seq, raw_bytes, gz_bytes, sha256 FROM " + table
                + " WHERE name = ? AND version = ? AND bucket = ?");
        deleteBucket = session.prepare("DELETE FROM " + table + " WHERE name = ? AND version = ? AND bucket = ?");
    }

    CompletionStage<AsyncResultSet> insertAsync(String name, int version, int bucketNo, int seq, byte[] gz,
                                                int rawBytes, String sha256, ConsistencyLevel level) {
        return session.executeAsync(insert.bind(name, version, bucketNo, seq, ByteBuffer.wrap(gz), rawBytes, gz.length,
                sha256).setConsistencyLevel(level).setIdempotent(true));
    }

    CompletionStage<StoredChunk> readAsync(String name, int version, int bucketNo, int seq, ConsistencyLevel level) {
        return session.executeAsync(one.bind(name, version, bucketNo, seq).setConsistencyLevel(level)
                        .setIdempotent(true))
                .thenApply(rs -> {
                    Row row = rs.one();
                    return row == null ? null : toChunk(row);
                });
    }

    StoredChunk read(String name, int version, int bucketNo, int seq) {
        Row row = session.execute(one.bind(name, version, bucketNo, seq).setConsistencyLevel(WriteConsistency.READ)
                .setIdempotent(true)).one();
        return row == null ? null : toChunk(row);
    }

    /** The chunks of one bucket in seq order, paged {@value #FETCH_SIZE} rows at a time. */
    Iterator<StoredChunk> scan(String name, int version, int bucketNo) {
        Iterator<Row> rows = session.execute(bucket.bind(name, version, bucketNo).setPageSize(FETCH_SIZE)
                .setConsistencyLevel(WriteConsistency.READ).setIdempotent(true)).iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public StoredChunk next() {
                return toChunk(rows.next());
            }
        };
    }

    /** The rows of one bucket without their data ({@code data} is empty), at the given consistency. */
    List<StoredChunk> rows(String name, int version, int bucketNo, ConsistencyLevel level) {
        List<StoredChunk> result = new ArrayList<>();
        for (Row row : session.execute(bucketRows.bind(name, version, bucketNo).setConsistencyLevel(level)
                .setIdempotent(true))) {
            result.add(new StoredChunk(row.getInt("seq"), new byte[0], row.getInt("raw_bytes"), row.getInt("gz_bytes"),
                    row.getString("sha256")));
        }
        return result;
    }

    void deleteBucket(String name, int version, int bucketNo, ConsistencyLevel level) {
        session.execute(deleteBucket.bind(name, version, bucketNo).setConsistencyLevel(level).setIdempotent(true));
    }

    private static StoredChunk toChunk(Row row) {
        ByteBuffer buffer = row.getByteBuffer("data");
        byte[] data;
        if (buffer == null) {
            data = new byte[0];
        } else {
            data = new byte[buffer.remaining()];
            buffer.duplicate().get(data);
        }
        return new StoredChunk(row.getInt("seq"), data, row.getInt("raw_bytes"), row.getInt("gz_bytes"),
                row.getString("sha256"));
    }
}
