package io.ringside.core.data.export;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.metadata.schema.ColumnMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import com.datastax.oss.driver.api.core.servererrors.QueryValidationException;
import io.ringside.core.NamedThreads;
import io.ringside.core.NotFoundException;
import io.ringside.core.RingsideException;
import io.ringside.core.data.dataset.DatasetStore;
import io.ringside.core.data.dataset.LoadInterruptedException;
import io.ringside.core.data.dataset.LoadInterruption;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Exports a table, or the rows of a {@code SELECT}, to one file. A table is read as
 * {@value #RANGES} even slices of the token ring ({@code token(pk) > ? AND token(pk) <= ?}),
 * {@code parallelism} of them at a time, each with the driver's paging, at {@code LOCAL_ONE}
 * (reads, idempotent). Each range goes to a part file of its own that {@link RangeLedger} records
 * once it is whole; the file is assembled from the header and the parts in range order into a
 * temporary file beside the target and moved over it at the end, so the target is never half
 * written. A query that is a plain scan ({@link RangeScan}) is read the same way, its conditions
 * and the range's bounds together, so its rows come in token order rather than in the order one
 * read would give them; any other query is one range, read again whole when its job is resumed.
 */
public final class TableExporter {

    /** Slices of the ring: enough for parallel reads and a fine-grained resume, few enough to stay cheap. */
    public static final int RANGES = 64;
    public static final int DEFAULT_PARALLELISM = 6;
    static final int PAGE_SIZE = 5_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final long REPORT_EVERY_NANOS = 250_000_000L;

    private final CqlSession session;
    private final int parallelism;
    private final boolean queriesByRange;

    public TableExporter(CqlSession session) {
        this(session, DEFAULT_PARALLELISM);
    }

    public TableExporter(CqlSession session, int parallelism) {
        this(session, parallelism, true);
    }

    /** @param queriesByRange false reads every query as one range (tests compare the two reads) */
    TableExporter(CqlSession session, int parallelism, boolean queriesByRange) {
        this.session = session;
        this.parallelism = Math.max(1, parallelism);
        this.queriesByRange = queriesByRange;
    }

    /**
     * Exports {@code source} to {@code target}, continuing the work of an earlier run of the same
     * {@code workId} (the job id) when its folder is there.
     *
     * @param stop asked between pages: {@code SUSPEND} keeps the finished ranges for the next run,
     *             {@code CANCEL} drops them; either ends in a {@link LoadInterruptedException}
     * @throws IllegalArgumentException for a target that is not a regular file, or a statement
     *                                  that is not a {@code SELECT} without bind markers
     * @throws NotFoundException        for a table that does not exist
     */
    public ExportResult export(ExportSource source, ExportFormat format, boolean gzip, Path target, String workId,
                               Consumer<ExportProgress> listener, Supplier<LoadInterruption> stop) {
        long started = System.nanoTime();
        Path absolute = DatasetStore.exportTarget(target);
        Path folder = RangeLedger.folderOf(absolute, workId);
        String settings = format.label() + "\n" + gzip;
        Read read = read(source, folder, settings);
        List<TokenRange> ranges = read.ranges();
        String extension = format.extension() + (gzip ? ".gz" : "");
        RangeLedger ledger;
        try {
            ledger = RangeLedger.open(folder, read.plan(source, settings), extension);
        } catch (IOException e) {
            throw new RingsideException("Cannot write beside " + absolute + ": " + e.getMessage(), e);
        }
        Map<Integer, RangeLedger.Done> kept = ledger.completed();
        Progress progress = new Progress(listener, read.byToken(), ranges.size(), kept, started);
        try {
            readRanges(read.statement(), read.byToken(), ranges, kept, format, gzip, read.columns(), ledger, progress,
                    stop);
            long bytes = assemble(absolute, RowWriter.header(format, gzip, read.columns()), ranges, ledger);
            ledger.delete();
            progress.report(true);
            return new ExportResult(absolute, progress.rows.get(), bytes, ranges.size(), kept.size(),
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (LoadInterruptedException e) {
            if (e.interruption() == LoadInterruption.CANCEL) {
                ledger.delete();
            }
            throw e;
        } catch (IOException e) {
            ledger.delete();
            throw new RingsideException("Cannot write " + absolute + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            ledger.delete();
            throw e;
        }
    }

    /**
     * What an export reads: a statement, bound to each token range in turn ({@code byToken}) or
     * read once as the one range, and its columns.
     */
    private record Read(PreparedStatement statement, boolean byToken, List<TokenRange> ranges, List<String> columns) {

        static Read of(PreparedStatement statement, boolean byToken, List<TokenRange> ranges) {
            List<String> columns = new ArrayList<>();
            for (ColumnDefinition column : statement.getResultSetDefinitions()) {
                columns.add(column.getName().asInternal());
            }
            return new Read(statement, byToken, ranges, List.copyOf(columns));
        }

        /** The ledger's plan: differs whenever the parts of two runs could not be mixed. */
        String plan(ExportSource source, String settings) {
            return String.join("\n", source.describe(), settings, Integer.toString(ranges.size()),
                    String.join(",", columns)) + "\n";
        }
    }

    /**
     * A table by token range; a query by token range when {@link RangeScan} finds it a plain scan
     * and the server takes its statement with the range added, else as one range. A job of a query
     * begun as one range (its ledger's plan says so: a version that read every query whole began
     * it) goes on as one range, keeping what that run wrote.
     */
    private Read read(ExportSource source, Path folder, String settings) {
        if (source.isTable()) {
            return Read.of(prepareTable(source), true, TokenRange.split(RANGES));
        }
        Read whole = Read.of(prepareQuery(source.query()), false, List.of(new TokenRange(0, Long.MIN_VALUE,
                Long.MAX_VALUE)));
        Optional<PreparedStatement> byRange = queriesByRange ? prepareByRange(source.query()) : Optional.empty();
        if (byRange.isEmpty()) {
            return whole;
        }
        try {
            if (RangeLedger.planIn(folder).filter(whole.plan(source, settings)::equals).isPresent()) {
                return whole;
            }
        } catch (IOException e) {
            throw new RingsideException("Cannot read beside " + folder + ": " + e.getMessage(), e);
        }
        return Read.of(byRange.get(), true, TokenRange.split(RANGES));
    }

    private PreparedStatement prepareQuery(String query) {
        PreparedStatement prepared = session.prepare(query);
        if (prepared.getResultSetDefinitions().size() == 0) {
            throw new IllegalArgumentException("An export needs a SELECT statement, not: " + query);
        }
        if (prepared.getVariableDefinitions().size() > 0) {
            throw new IllegalArgumentException("An export's statement cannot have bind markers ('?'): " + query);
        }
        return prepared;
    }

    /** The query with a token range's bounds added, when it is a plain scan the server accepts so. */
    private Optional<PreparedStatement> prepareByRange(String query) {
        Optional<String> statement = RangeScan.byTokenRange(query, session.getKeyspace().orElse(null),
                RangeScan.of(session.getMetadata()));
        if (statement.isEmpty()) {
            return Optional.empty();
        }
        try {
            PreparedStatement prepared = session.prepare(statement.get());
            return prepared.getVariableDefinitions().size() == 2 ? Optional.of(prepared) : Optional.empty();
        } catch (QueryValidationException e) {
            return Optional.empty(); // e.g. a condition the server does not combine with a token range: read whole
        }
    }

    private PreparedStatement prepareTable(ExportSource source) {
        TableMetadata table = session.getMetadata().getKeyspace(source.keyspace())
                .flatMap(k -> k.getTable(source.table()))
                .orElseThrow(() -> new NotFoundException("No table " + source.describe()));
        String partitionKey = table.getPartitionKey().stream().map(c -> c.getName().asCql(true))
                .collect(Collectors.joining(", "));
        String select = table.getColumns().values().stream().map(ColumnMetadata::getName).map(n -> n.asCql(true))
                .collect(Collectors.joining(", "));
        return session.prepare("SELECT " + select + " FROM " + source.describe() + " WHERE token(" + partitionKey
                + ") > ? AND token(" + partitionKey + ") <= ?");
    }

    private void readRanges(PreparedStatement statement, boolean byToken, List<TokenRange> ranges,
                            Map<Integer, RangeLedger.Done> kept, ExportFormat format, boolean gzip, List<String> columns,
                            RangeLedger ledger, Progress progress, Supplier<LoadInterruption> stop) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, ranges.size()),
                NamedThreads.numberedDaemons("export-range"));
        AtomicReference<LoadInterruption> stopped = new AtomicReference<>();
        Supplier<LoadInterruption> check = () -> {
            LoadInterruption why = stop.get();
            if (why != null) {
                stopped.compareAndSet(null, why);
            }
            return stopped.get();
        };
        try {
            List<Future<?>> work = new ArrayList<>();
            for (TokenRange range : ranges) {
                if (kept.containsKey(range.index())) {
                    continue;
                }
                work.add(pool.submit(() -> {
                    if (check.get() != null) {
                        return null;
                    }
                    BoundStatement bound = (byToken ? statement.bind(range.start(), range.end()) : statement.bind())
                            .setPageSize(PAGE_SIZE).setConsistencyLevel(ConsistencyLevel.LOCAL_ONE)
                            .setIdempotent(true).setTimeout(TIMEOUT);
                    long rows = 0;
                    try (RowWriter out = RowWriter.open(format, ledger.partial(range.index()), gzip, columns,
                            progress.bytes::addAndGet)) {
                        CompletionStage<AsyncResultSet> next = session.executeAsync(bound);
                        while (next != null) {
                            AsyncResultSet page = await(next);
                            // the next page is asked for before this one is written: the server
                            // reads it while this thread formats
                            next = page.hasMorePages() ? page.fetchNextPage() : null;
                            int count = 0;
                            for (Row row : page.currentPage()) {
                                out.write(row);
                                count++;
                            }
                            rows += count;
                            progress.add(count);
                            if (check.get() != null) {
                                if (next != null) {
                                    next.toCompletableFuture().cancel(false);
                                }
                                return null;
                            }
                        }
                    }
                    ledger.complete(range.index(), rows);
                    progress.rangeDone();
                    progress.report(false);
                    return null;
                }));
            }
            for (Future<?> future : work) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    stopped.compareAndSet(null, LoadInterruption.CANCEL);
                    Throwable cause = e.getCause();
                    if (cause instanceof IOException io) {
                        throw io;
                    }
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new RingsideException("Export failed: " + cause, cause);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped.compareAndSet(null, LoadInterruption.SUSPEND);
        } finally {
            pool.shutdownNow();
        }
        LoadInterruption why = stopped.get();
        if (why != null) {
            String verb = why == LoadInterruption.CANCEL ? "cancelled" : "suspended";
            throw new LoadInterruptedException(why, byToken ? "export " + verb + " with " + ledger.completed().size()
                    + " of " + ranges.size() + " token ranges written"
                    : String.format(Locale.ROOT, "export %s after %,d rows", verb, progress.rows.get()));
        }
    }

    /** A page of the driver's async paging, its failure rethrown as the driver's own exception. */
    private static AsyncResultSet await(CompletionStage<AsyncResultSet> page) throws InterruptedException {
        try {
            return page.toCompletableFuture().get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new RingsideException("Reading a page failed: " + cause, cause);
        }
    }

    /** Header and parts in range order into a temporary file, forced to disk, then moved over the target. */
    private static long assemble(Path target, byte[] header, List<TokenRange> ranges, RangeLedger ledger)
            throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream stream = java.nio.channels.Channels.newOutputStream(out);
                stream.write(header);
                for (TokenRange range : ranges) {
                    try (FileChannel in = FileChannel.open(ledger.part(range.index()), StandardOpenOption.READ)) {
                        long size = in.size();
                        long at = 0;
                        while (at < size) {
                            at += in.transferTo(at, size - at, out);
                        }
                    }
                }
                out.force(true);
            }
            long bytes = Files.size(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            return bytes;
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Rows and bytes so far, per range until it is done, and the throttled reports. */
    private static final class Progress {
        private final Consumer<ExportProgress> listener;
        private final boolean byRange;
        private final int total;
        private final int keptCount;
        private final long started;
        final AtomicLong rows = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        private final AtomicInteger done;
        private final AtomicLong lastReport = new AtomicLong();

        Progress(Consumer<ExportProgress> listener, boolean byRange, int total, Map<Integer, RangeLedger.Done> kept,
                 long started) {
            this.listener = listener;
            this.byRange = byRange;
            this.total = total;
            this.keptCount = kept.size();
            this.started = started;
            this.done = new AtomicInteger(kept.size());
            rows.addAndGet(kept.values().stream().mapToLong(RangeLedger.Done::rows).sum());
            bytes.addAndGet(kept.values().stream().mapToLong(RangeLedger.Done::bytes).sum());
        }

        void add(long count) {
            rows.addAndGet(count);
            report(false);
        }

        void rangeDone() {
            done.incrementAndGet();
        }

        void report(boolean force) {
            long now = System.nanoTime();
            long last = lastReport.get();
            if (!force && (now - last < REPORT_EVERY_NANOS || !lastReport.compareAndSet(last, now))) {
                return;
            }
            listener.accept(new ExportProgress(rows.get(), bytes.get(), byRange, done.get(), total, keptCount,
                    Duration.ofNanos(now - started)));
        }
    }
}
