package io.ringside.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ringside.Main;
import io.ringside.core.Json;
import io.ringside.core.cassandra.Cell;
import io.ringside.core.cql.CqlHistory;
import io.ringside.core.cql.CqlRequest;
import io.ringside.core.cql.CqlResult;
import io.ringside.core.cql.CqlSplitter;
import io.ringside.core.cql.CqlStatement;
import io.ringside.core.cql.CqlSyntaxException;
import io.ringside.core.cql.CqlWorkbench;
import io.ringside.core.cql.TraceEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ringside cql}: runs one statement or a script file through the same workbench service as
 * the console's CQL page, so read-only profiles, typed confirmations and the audit trail hold here
 * too. A script runs in order and stops at the first failing statement, naming its line.
 */
@Command(name = "cql", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run CQL statements: one given as the argument, or a script file with -f (several statements "
                + "separated by ';', comments and BEGIN BATCH ... APPLY BATCH handled).",
            "Rows go to stdout page by page (the driver's paging state), timing and warnings to stderr. A script "
                + "stops at the first error and names its line. DROP, TRUNCATE, ALTER ... DROP and a DELETE without the "
                + "whole primary key run only with --yes-i-mean OBJECT naming the object as the statement does (e.g. "
                + "ks.table). A read-only profile runs reads only. Every statement that is not a read is audited "
                + "(cql.write, cql.schema, cql.destructive)."})
public final class CqlCommand implements Callable<Integer> {

    /** How rows are printed. */
    public enum Format { table, csv, json }

    private static final Set<String> JSON_LITERAL_TYPES = Set.of("int", "bigint", "smallint", "tinyint", "varint",
            "double", "float", "decimal", "counter", "boolean");
    private static final int TABLE_CELL = 60;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "STATEMENT", arity = "0..1", description = "The statement(s) to run.")
    String statement;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Run the statements of this file, in order.")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default), csv (a header, then RFC 4180 rows) or json (one object per row).")
    Format format;

    @Option(names = "--consistency", paramLabel = "LEVEL", defaultValue = CqlRequest.DEFAULT_CONSISTENCY,
            description = "Consistency level of every statement (default: ${DEFAULT-VALUE}).")
    String consistency;

    @Option(names = "--yes-i-mean", paramLabel = "OBJECT",
            description = "Confirm the destructive statements acting on OBJECT (as the statement names it).")
    String confirmation;

    @Option(names = "--trace", description = "Trace each statement and print its events to stderr.")
    boolean trace;

    @Option(names = "--page-size", paramLabel = "ROWS", defaultValue = "1000",
            description = "Rows fetched per page (default: ${DEFAULT-VALUE}).")
    int pageSize;

    @Override
    public Integer call() throws IOException {
        if ((statement == null) == (file == null)) {
            throw new IllegalArgumentException("Give one statement or -f FILE, not both or neither");
        }
        String level = consistency.strip().toUpperCase(Locale.ROOT);
        if (!CqlWorkbench.CONSISTENCY_LEVELS.contains(level) && !level.endsWith("SERIAL")) {
            throw new IllegalArgumentException("Unknown consistency level '" + consistency + "'; one of "
                    + String.join(", ", CqlWorkbench.CONSISTENCY_LEVELS));
        }
        String where = file == null ? "" : file + ": ";
        String script;
        try {
            script = file == null ? statement : Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new io.ringside.core.NotFoundException("No such file: " + file);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<CqlStatement> statements;
        try {
            statements = CqlSplitter.split(script);
        } catch (CqlSyntaxException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
        if (statements.isEmpty()) {
            throw new IllegalArgumentException(where + "no statement to run");
        }
        CqlHistory history = new CqlHistory(main.dataFolder());
        return DataCommandSupport.withBackends(main, backends -> {
            CqlWorkbench workbench = CqlWorkbench.over(backends, main.dataFolder());
            for (CqlStatement one : statements) {
                CqlRequest request = new CqlRequest(one, consistency, trace, pageSize, confirmation, null);
                long rows = 0;
                long started = System.nanoTime();
                try {
                    rows = runAll(workbench, request, out, err);
                    history.add(workbench, main.profile(), one, "ok", rows, started);
                } catch (CancellationException e) {
                    history.add(workbench, main.profile(), one, "cancelled", rows, started);
                    err.println("ringside: " + where + "line " + one.line() + ": cancelled");
                    err.flush();
                    return ExitCodes.CANCELLED;
                } catch (RuntimeException e) {
                    history.add(workbench, main.profile(), one, "failed: " + e.getMessage(), rows, started);
                    out.flush();
                    err.println("ringside: " + where + "line " + one.line() + ": " + e.getMessage());
                    if (statements.size() > 1) {
                        err.println("ringside: stopped; " + (statements.size() - statements.indexOf(one) - 1)
                                + " later statement(s) not run");
                    }
                    err.flush();
                    return e instanceof IllegalArgumentException ? ExitCodes.FAILED : ExitCodes.of(e);
                }
            }
            return ExitCodes.OK;
        });
    }

    /** Every page of one statement, printed as it arrives; returns the rows printed. */
    private long runAll(CqlWorkbench workbench, CqlRequest request, PrintWriter out, PrintWriter err) {
        long rows = 0;
        ByteBuffer next = null;
        boolean first = true;
        long elapsedMs = 0;
        CqlResult page;
        do {
            page = workbench.run(first ? request : request.nextPage(next));
            elapsedMs += page.elapsed().toMillis();
            print(page, first, out);
            if (first) {
                page.warnings().forEach(w -> err.println("warning: " + w));
                for (TraceEvent event : page.trace()) {
                    err.printf(Locale.ROOT, "trace: %-15s %8d us  %s%n", event.source(), event.elapsedMicros(),
                            event.activity());
                }
            }
            rows += page.rows().size();
            next = page.next();
            first = false;
        } while (next != null);
        out.flush();
        if (page.note() != null) {
            err.printf(Locale.ROOT, "line %d: %s%n", request.statement().line(), page.note());
        } else if (!page.columns().isEmpty()) {
            err.printf(Locale.ROOT, "line %d: %d %s in %d ms at %s%n", request.statement().line(), rows,
                    rows == 1 ? "row" : "rows", elapsedMs, page.consistency());
        } else {
            err.printf(Locale.ROOT, "line %d: %s done in %d ms%n", request.statement().line(),
                    page.classification().verb(), elapsedMs);
        }
        err.flush();
        return rows;
    }

    private void print(CqlResult page, boolean header, PrintWriter out) {
        if (page.columns().isEmpty()) {
            return;
        }
        switch (format) {
            case csv -> {
                if (header) {
                    out.println(String.join(",", page.columns().stream().map(CqlCommand::csv).toList()));
                }
                for (List<Cell> row : page.rows()) {
                    out.println(String.join(",", row.stream()
                            .map(c -> c.kind() == Cell.Kind.NULL ? "" : csv(value(c))).toList()));
                }
            }
            case json -> {
                for (List<Cell> row : page.rows()) {
                    out.println(json(page, row));
                }
            }
            case table -> printTable(page, header, out);
        }
    }

    /** Aligned columns; widths from the header and the first page, longer values cut with an ellipsis. */
    private static void printTable(CqlResult page, boolean header, PrintWriter out) {
        int[] widths = new int[page.columns().size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = Math.min(TABLE_CELL, page.columns().get(i).length());
            for (List<Cell> row : page.rows()) {
                widths[i] = Math.min(TABLE_CELL, Math.max(widths[i], row.get(i).shown().length()));
            }
        }
        if (header) {
            out.println(line(page.columns(), widths));
            StringBuilder rule = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
            }
            out.println(rule);
        }
        for (List<Cell> row : page.rows()) {
            out.println(line(row.stream().map(Cell::shown).toList(), widths));
        }
    }

    private static String line(List<String> values, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String value = values.get(i);
            if (value.length() > widths[i]) {
                value = value.substring(0, widths[i] - 1) + "…";
            }
            line.append(i == 0 ? "" : " | ").append(value).append(" ".repeat(widths[i] - value.length()));
        }
        return line.toString().stripTrailing();
    }

    private static String json(CqlResult page, List<Cell> row) {
        ObjectNode object = Json.mapper().createObjectNode();
        for (int i = 0; i < row.size(); i++) {
            Cell cell = row.get(i);
            String column = page.columns().get(i);
            if (cell.kind() == Cell.Kind.NULL) {
                object.putNull(column);
            } else if (JSON_LITERAL_TYPES.contains(page.types().get(i))) {
                try {
                    object.set(column, Json.mapper().readTree(cell.full()));
                } catch (JsonProcessingException e) {
                    object.put(column, cell.full()); // NaN, Infinity
                }
            } else {
                object.put(column, value(cell));
            }
        }
        return object.toString();
    }

    /** The whole value; a blob only by what the workbench kept of it (its size and first bytes). */
    private static String value(Cell cell) {
        return cell.kind() == Cell.Kind.BLOB ? cell.shown() : cell.full();
    }

    private static String csv(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
