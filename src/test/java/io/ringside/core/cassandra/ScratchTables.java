package io.ringside.core.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import java.nio.ByteBuffer;

/**
 * The browser tests' scratch keyspace: {@code readings} with a composite partition key, a
 * clustering column, a static column, a long text and a blob; 25 rows in partition (north, 1) and
 * 3 in (south, 2). Idempotent, so every test class may call it.
 */
public final class ScratchTables {

    public static final String KEYSPACE = "browser_test";
    public static final int NORTH_ROWS = 25;
    public static final int SOUTH_ROWS = 3;

    private ScratchTables() {
    }

    public static void create(CqlSession session) {
        session.execute("CREATE KEYSPACE IF NOT EXISTS " + KEYSPACE
                + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        session.execute("CREATE TABLE IF NOT EXISTS " + KEYSPACE + ".readings (site text, day int, seq int, "
                + "unit text STATIC, note text, payload blob, PRIMARY KEY ((site, day), seq))");
        PreparedStatement insert = session.prepare("INSERT INTO " + KEYSPACE
                + ".readings (site, day, seq, unit, note, payload) VALUES (?, ?, ?, ?, ?, ?)");
        BatchStatement batch = BatchStatement.newInstance(BatchType.UNLOGGED);
        for (int seq = 0; seq < NORTH_ROWS; seq++) {
            batch = batch.add(insert.bind("north", 1, seq, "ug/m3", seq == 3 ? "x".repeat(5_000) : "n" + seq,
                    ByteBuffer.wrap(new byte[] {(byte) seq, 1, 2, 3})));
        }
        session.execute(batch);
        for (int seq = 0; seq < SOUTH_ROWS; seq++) {
            session.execute(insert.bind("south", 2, seq, "ppm", "s" + seq, null));
        }
    }
}
