package io.ringside.core.data.pm25;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Streams rows into Cassandra as fast as one node takes them: rows are grouped per partition
 * into UNLOGGED batches (a single-partition batch is one mutation on one replica set, so it
 * costs no batch log and no coordinator fan-out), and many batches are in flight at once, with
 * a semaphore as back-pressure so the reader never runs ahead of the cluster. A failed request
 * is retried a few times (upserts are idempotent) before the whole write fails.
 */
public final class Pm25Writer implements AutoCloseable {

    /** Rows per batch: big enough to amortise a round trip, small enough to stay under batch limits. */
    public static final int BATCH_ROWS = 32;
    public static final int IN_FLIGHT = 192;
    private static final int MAX_PENDING_PARTITIONS = 2048;
    private static final int ATTEMPTS = 4;

    private final CqlSession session;
    private final Pm25Statements statements;
    private final ConsistencyLevel consistency;
    private final Semaphore permits = new Semaphore(IN_FLIGHT);
    private final Map<Object, List<BoundStatement>> pending = new LinkedHashMap<>();
    private final AtomicLong hourlyWritten = new AtomicLong();
    private final AtomicLong dailyWritten = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    Pm25Writer(CqlSession session, Pm25Statements statements, ConsistencyLevel consistency) {
        this.session = session;
        this.statements = statements;
        this.consistency = consistency;
    }

    private record HourlyPartition(String location, int year, int month) {
    }

    private record DailyPartition(String location) {
    }

    public void add(HourlyReading reading) {
        enqueue(new HourlyPartition(reading.location(), reading.year(), reading.month()), statements.bindHourly(reading));
    }

    public void add(DailyPm25 day) {
        enqueue(new DailyPartition(day.location()), statements.bindDaily(day));
    }

    /** Rows acknowledged by Cassandra so far. */
    public long hourlyWritten() {
        return hourlyWritten.get();
    }

    public long dailyWritten() {
        return dailyWritten.get();
    }

    /** Sends what is still grouped and waits until every request has been acknowledged. */
    public void flush() {
        for (Map.Entry<Object, List<BoundStatement>> entry : pending.entrySet()) {
            send(entry.getKey(), entry.getValue());
        }
        pending.clear();
        acquire(IN_FLIGHT);
        permits.release(IN_FLIGHT);
        throwIfFailed();
    }

    @Override
    public void close() {
        flush();
    }

    private void enqueue(Object partition, BoundStatement statement) {
        throwIfFailed();
        List<BoundStatement> rows = pending.computeIfAbsent(partition, k -> new ArrayList<>(BATCH_ROWS));
        rows.add(statement);
        if (rows.size() >= BATCH_ROWS) {
            pending.remove(partition);
            send(partition, rows);
        } else if (pending.size() > MAX_PENDING_PARTITIONS) {
            // unsorted input: do not hold a partial batch for every partition ever seen
            Map.Entry<Object, List<BoundStatement>> oldest = pending.entrySet().iterator().next();
            pending.remove(oldest.getKey());
            send(oldest.getKey(), oldest.getValue());
        }
    }

    private void send(Object partition, List<BoundStatement> rows) {
        Statement<?> statement = rows.size() == 1 ? rows.get(0)
                : BatchStatement.builder(BatchType.UNLOGGED).addStatements(new ArrayList<>(rows)).build();
        statement = statement.setConsistencyLevel(consistency).setIdempotent(true);
        AtomicLong counter = partition instanceof HourlyPartition ? hourlyWritten : dailyWritten;
        acquire(1);
        execute(statement, rows.size(), counter, 1);
    }

    private void execute(Statement<?> statement, int rows, AtomicLong counter, int attempt) {
        session.executeAsync(statement).whenComplete((result, error) -> {
            if (error == null) {
                counter.addAndGet(rows);
                permits.release();
            } else if (attempt < ATTEMPTS && failure.get() == null) {
                CompletableFuture.runAsync(() -> execute(statement, rows, counter, attempt + 1),
                        CompletableFuture.delayedExecutor(250L * attempt, TimeUnit.MILLISECONDS));
            } else {
                failure.compareAndSet(null, error);
                permits.release();
            }
        });
    }

    private void acquire(int n) {
        try {
            permits.acquire(n);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Pm25ImportException("Interrupted while writing to Cassandra", e);
        }
    }

    private void throwIfFailed() {
        Throwable error = failure.get();
        if (error != null) {
            throw new Pm25ImportException("Writing to Cassandra failed after " + ATTEMPTS + " attempts: "
                    + error.getMessage(), error);
        }
    }
}
