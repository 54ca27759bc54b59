package io.ringside.core.cql;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.ExecutionInfo;
import com.datastax.oss.driver.api.core.cql.QueryTrace;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.schema.ColumnMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import com.datastax.oss.driver.internal.core.DefaultProtocolFeature;
import com.datastax.oss.driver.internal.core.context.InternalDriverContext;
import io.ringside.core.NotFoundException;
import io.ringside.core.RingsideException;
import io.ringside.core.cassandra.Cell;
import io.ringside.core.cassandra.RowPager;
import io.ringside.core.connect.AccessGuard;
import io.ringside.core.connect.Backends;
import io.ringside.core.connect.ReadOnlyProfileException;
import io.ringside.core.kafka.AuditLog;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs an operator's own statements on the profile's one session. Every statement is classified
 * first; a read-only profile refuses anything but a read here, in the service, so a script or a
 * forgotten button cannot get past it; a destructive statement runs only with its object's name
 * typed; every non-read statement is audited with its outcome (refusals too). Results come one
 * page at a time by the driver's paging state, never rewritten with LIMIT.
 *
 * <p>{@code USE ks} is not sent: the session is shared by every page of the console, so the
 * workbench keeps its own keyspace and sends it with each statement (protocol v5's per-request
 * keyspace).
 */
public final class CqlWorkbench {

    /** The levels a run may choose, in the order a chooser lists them. */
    public static final List<String> CONSISTENCY_LEVELS = Arrays.stream(DefaultConsistencyLevel.values())
            .filter(level -> level != DefaultConsistencyLevel.SERIAL && level != DefaultConsistencyLevel.LOCAL_SERIAL)
            .map(Enum::name).toList();

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int TRACE_ATTEMPTS = 20;
    private static final Duration TRACE_RETRY = Duration.ofMillis(200);

    private final Supplier<CqlSession> sessions;
    private final Supplier<AccessGuard> guard;
    private final Supplier<AuditLog> audit;
    private volatile String keyspace;

    public CqlWorkbench(Supplier<CqlSession> sessions, Supplier<AccessGuard> guard, Supplier<AuditLog> audit) {
        this.sessions = sessions;
        this.guard = guard;
        this.audit = audit;
    }

    /** The workbench of a command's own clients (the CLI), audited under their profile. */
    public static CqlWorkbench over(Backends backends, Path dataFolder) {
        return new CqlWorkbench(backends::cql, backends::accessGuard,
                () -> new AuditLog(dataFolder, backends.kafkaProperties(), backends.profile().id()));
    }

    /** The keyspace unqualified names refer to (set by {@code USE}); null when none. */
    public String keyspace() {
        return keyspace;
    }

    public CqlClassifier classifier() {
        return new CqlClassifier(this::primaryKey);
    }

    public Classification classify(CqlStatement statement) {
        return classifier().classify(statement);
    }

    public CqlCompletion completion() {
        return new CqlCompletion(() -> sessions.get().getMetadata(), this::keyspace);
    }

    /** Runs and waits: the CLI's way, and the console's on its background thread. */
    public CqlResult run(CqlRequest request) {
        return start(request).await();
    }

    /**
     * Checks and sends the statement; the page arrives through {@link CqlExecution#await()}.
     *
     * @throws ReadOnlyProfileException       for anything but a read on a read-only profile
     * @throws ConfirmationRequiredException  for a destructive statement without its object's name
     */
    public CqlExecution start(CqlRequest request) {
        CqlStatement statement = request.statement();
        Classification classification = classify(statement);
        if (!classification.kind().read()) {
            try {
                guard.get().checkWritable("run " + classification.kind().label() + " statement "
                        + shortText(statement));
            } catch (ReadOnlyProfileException e) {
                audit(classification, statement, "refused: " + e.getMessage());
                throw e;
            }
            if (!classification.confirmedBy(request.confirmation())) {
                ConfirmationRequiredException refused = new ConfirmationRequiredException(classification);
                audit(classification, statement, "refused: not confirmed");
                throw refused;
            }
        }
        if (statement.verb().equals("USE")) {
            return use(request, classification);
        }
        CqlSession session = sessions.get();
        SimpleStatement simple = SimpleStatement.newInstance(statement.text())
                .setConsistencyLevel(level(request.consistency()))
                .setPageSize(request.pageSize())
                .setPagingState(request.pagingState())
                .setTracing(request.trace())
                .setTimeout(TIMEOUT);
        String current = keyspace;
        if (current != null) {
            simple = simple.setKeyspace(CqlIdentifier.fromInternal(current));
        }
        long started = System.nanoTime();
        CompletableFuture<AsyncResultSet> sent = session.executeAsync(simple).toCompletableFuture();
        CompletableFuture<CqlResult> page = sent.thenCompose(rs -> {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            CompletableFuture<List<TraceEvent>> trace = request.trace()
                    ? trace(rs.getExecutionInfo(), TRACE_ATTEMPTS)
                    : CompletableFuture.completedFuture(List.of());
            return trace.thenApply(events -> result(request, classification, rs, elapsed, events));
        });
        page.whenComplete((ok, failed) -> {
            if (page.isCancelled()) {
                sent.cancel(true);
            }
        });
        return new CqlExecution(page, CqlWorkbench::failure,
                (result, failure, cancelled) -> ended(classification, statement, result, failure, cancelled));
    }

    private CqlExecution use(CqlRequest request, Classification classification) {
        List<CqlToken> tokens = request.statement().tokens();
        if (tokens.size() != 2) {
            throw new IllegalArgumentException("line " + request.statement().line() + ": USE takes one keyspace name");
        }
        String name = tokens.get(1).name();
        CqlSession session = sessions.get();
        if (session.getMetadata().getKeyspace(CqlIdentifier.fromInternal(name)).isEmpty()) {
            throw new NotFoundException("line " + request.statement().line() + ": no keyspace " + name);
        }
        InternalDriverContext context = (InternalDriverContext) session.getContext();
        if (!context.getProtocolVersionRegistry().supports(context.getProtocolVersion(),
                DefaultProtocolFeature.PER_REQUEST_KEYSPACE)) {
            throw new RingsideException("USE needs protocol v5 (the server speaks " + context.getProtocolVersion()
                    + "): name the keyspace in each statement instead");
        }
        keyspace = name;
        CqlResult done = new CqlResult(request.statement(), classification, request.consistency(), List.of(),
                List.of(), List.of(), null, Duration.ZERO, List.of(), List.of(), null, "now using keyspace " + name);
        return new CqlExecution(CompletableFuture.completedFuture(done), CqlWorkbench::failure, (r, f, c) -> { });
    }

    private static CqlResult result(CqlRequest request, Classification classification, AsyncResultSet rs,
                                    Duration elapsed, List<TraceEvent> trace) {
        List<String> columns = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (ColumnDefinition column : rs.getColumnDefinitions()) {
            columns.add(column.getName().asInternal());
            types.add(column.getType().asCql(false, true));
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (Row row : rs.currentPage()) {
            List<Cell> cells = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                cells.add(RowPager.cell(row.codecRegistry(), row.getColumnDefinitions().get(i).getType(), row.getObject(i)));
            }
            rows.add(cells);
        }
        ExecutionInfo info = rs.getExecutionInfo();
        ByteBuffer next = rs.hasMorePages() ? info.getPagingState() : null;
        String coordinator = info.getCoordinator() == null ? null : info.getCoordinator().getEndPoint().toString();
        String note = null;
        if (columns.equals(List.of("[applied]")) && rows.size() == 1) {
            note = "applied: " + rows.get(0).get(0).shown();
        }
        return new CqlResult(request.statement(), classification, request.consistency(), columns, types, rows, next,
                elapsed, info.getWarnings(), trace, coordinator, note);
    }

    /**
     * The trace, asked again while the node is still writing it: the driver's own few attempts
     * a few milliseconds apart are too short on a busy node.
     */
    private static CompletableFuture<List<TraceEvent>> trace(ExecutionInfo info, int attemptsLeft) {
        return info.getQueryTraceAsync().toCompletableFuture().thenApply(CqlWorkbench::events)
                .handle((events, failed) -> {
                    if (failed == null) {
                        return CompletableFuture.completedFuture(events);
                    }
                    if (attemptsLeft <= 1) {
                        return CompletableFuture.<List<TraceEvent>>failedFuture(failed);
                    }
                    return CompletableFuture.supplyAsync(() -> null,
                                    CompletableFuture.delayedExecutor(TRACE_RETRY.toMillis(), TimeUnit.MILLISECONDS))
                            .thenCompose(nothing -> trace(info, attemptsLeft - 1));
                }).thenCompose(f -> f);
    }

    private static List<TraceEvent> events(QueryTrace trace) {
        return trace.getEvents().stream().map(e -> new TraceEvent(
                e.getSourceAddress() == null ? "?" : e.getSourceAddress().getAddress().getHostAddress(),
                e.getSourceElapsedMicros(), e.getActivity(), e.getThreadName())).toList();
    }

    private void ended(Classification classification, CqlStatement statement, CqlResult result,
                       RuntimeException failure, boolean cancelled) {
        if (classification.kind().read()) {
            return;
        }
        audit(classification, statement, cancelled ? "cancelled" : failure == null ? "ok" : "failed: " + failure.getMessage());
    }

    private void audit(Classification classification, CqlStatement statement, String outcome) {
        if (classification.kind().read()) {
            return;
        }
        audit.get().record("cql." + classification.kind().label(), statement.oneLine(), 0, outcome);
    }

    private static RuntimeException failure(Throwable cause) {
        if (cause instanceof RuntimeException runtime && !(cause instanceof DriverException)) {
            return runtime;
        }
        return new RingsideException(cause.getMessage(), cause);
    }

    private Optional<List<String>> primaryKey(String keyspaceName, String table) {
        String ks = keyspaceName != null ? keyspaceName : keyspace;
        if (ks == null) {
            return Optional.empty();
        }
        return sessions.get().getMetadata().getKeyspace(CqlIdentifier.fromInternal(ks))
                .flatMap(k -> k.getTable(CqlIdentifier.fromInternal(table)))
                .map(CqlWorkbench::keyNames);
    }

    private static List<String> keyNames(TableMetadata table) {
        return table.getPrimaryKey().stream().map(ColumnMetadata::getName).map(CqlIdentifier::asInternal).toList();
    }

    private static ConsistencyLevel level(String name) {
        try {
            return DefaultConsistencyLevel.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown consistency level '" + name + "'; one of "
                    + String.join(", ", CONSISTENCY_LEVELS) + " or SERIAL, LOCAL_SERIAL", e);
        }
    }

    private static String shortText(CqlStatement statement) {
        String line = statement.oneLine();
        return line.length() <= 120 ? line : line.substring(0, 120) + "…";
    }
}
