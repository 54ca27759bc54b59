package io.ringside.bench;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import io.ringside.core.cql.CqlCompletion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Completion latency on a wide schema: {@code tables} tables of ten columns in a scratch keyspace
 * of their own ({@code ringside_bench_cql}, created once and kept, so a second run starts at
 * once), then completion asked in the places an operator asks it: after {@code FROM} (every
 * table), after {@code ks.} with a prefix, the columns of one table, and keywords.
 */
public final class CqlCompletionBenchmark {

    public static final String KEYSPACE = "ringside_bench_cql";

    private final CqlSession session;
    private final Consumer<String> progress;

    public CqlCompletionBenchmark(CqlSession session, Consumer<String> progress) {
        this.session = session;
        this.progress = progress;
    }

    /** Latencies of one kind of request, in milliseconds. */
    public record Figures(String what, int candidates, double p50Ms, double p99Ms, double maxMs) {
    }

    public List<Figures> run(int tables, int rounds) {
        createSchema(tables);
        String current = KEYSPACE;
        CqlCompletion completion = new CqlCompletion(session::getMetadata, () -> current);
        List<Figures> figures = new ArrayList<>();
        String wide = "t_" + (tables / 2);
        figures.add(measure(completion, "after FROM, every table", "SELECT * FROM ", rounds));
        figures.add(measure(completion, "after ks. with a prefix", "SELECT * FROM " + KEYSPACE + ".t_1", rounds));
        figures.add(measure(completion, "columns of the named table", "SELECT c FROM " + wide, 8, rounds));
        figures.add(measure(completion, "keywords", "SEL", rounds));
        return figures;
    }

    private Figures measure(CqlCompletion completion, String what, String script, int rounds) {
        return measure(completion, what, script, script.length(), rounds);
    }

    private Figures measure(CqlCompletion completion, String what, String script, int caret, int rounds) {
        for (int i = 0; i < Math.min(200, rounds); i++) {
            completion.complete(script, caret); // warm up the JIT
        }
        double[] ms = new double[rounds];
        int candidates = 0;
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            candidates = completion.complete(script, caret).candidates().size();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return new Figures(what, candidates, ms[rounds / 2], ms[Math.min(rounds - 1, (int) Math.ceil(rounds * 0.99) - 1)],
                ms[rounds - 1]);
    }

    private void createSchema(int tables) {
        session.execute("CREATE KEYSPACE IF NOT EXISTS " + KEYSPACE
                + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        int existing = known();
        if (existing < tables) {
            progress.accept(String.format(Locale.ROOT, "creating %d tables in %s (kept for the next run)",
                    tables - existing, KEYSPACE));
        }
        for (int i = 0; i < tables; i++) {
            session.execute("CREATE TABLE IF NOT EXISTS " + KEYSPACE + ".t_" + i + " (site text, day date, seq int, "
                    + "c1 text, c2 int, c3 double, c4 timestamp, c5 blob, c6 map<text, text>, c7 uuid, "
                    + "PRIMARY KEY ((site, day), seq))");
            if (i > 0 && i % 100 == 0) {
                progress.accept(i + " tables");
            }
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (known() < tables) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the driver's schema metadata shows " + known() + " of " + tables
                        + " tables after 2 minutes");
            }
            session.refreshSchema();
        }
    }

    private int known() {
        return session.getMetadata().getKeyspace(CqlIdentifier.fromInternal(KEYSPACE))
                .map(k -> (int) k.getTables().keySet().stream().filter(t -> t.asInternal().startsWith("t_")).count())
                .orElse(0);
    }
}
