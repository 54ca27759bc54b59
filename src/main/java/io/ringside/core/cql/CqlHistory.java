package io.ringside.core.cql;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ringside.core.Json;
import io.ringside.core.RingsideException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The statements run, newest last, in {@code <data>/cql/history.jsonl} (one JSON object a line),
 * so history survives restarts and is shared by the console and the CLI. Bounded: once the file
 * holds a quarter more than {@code limit} entries it is rewritten with the newest {@code limit}.
 * A line that cannot be read (a crash mid-write) is skipped, never fatal.
 */
public final class CqlHistory {

    public static final int DEFAULT_LIMIT = 2_000;

    private final Path file;
    private final int limit;

    public CqlHistory(Path dataFolder) {
        this(dataFolder, DEFAULT_LIMIT);
    }

    public CqlHistory(Path dataFolder, int limit) {
        this.file = dataFolder.resolve("cql").resolve("history.jsonl");
        this.limit = limit;
    }

    public Path file() {
        return file;
    }

    /**
     * Records one run of {@code statement}, classified by {@code workbench} ("unknown" when the
     * schema could not be asked, e.g. Cassandra was down), timed from {@code startedNanos}.
     */
    public void add(CqlWorkbench workbench, String profile, CqlStatement statement, String outcome, long rows,
                    long startedNanos) {
        String kind;
        try {
            kind = workbench.classify(statement).kind().label();
        } catch (RuntimeException unknownWithoutSchema) {
            kind = "unknown";
        }
        add(new HistoryEntry(java.time.Instant.now(), profile, statement.text(), kind, outcome, rows,
                (System.nanoTime() - startedNanos) / 1_000_000));
    }

    public synchronized void add(HistoryEntry entry) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Json.mapper().writeValueAsString(entry) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() > limit + limit / 4) {
                Path temp = file.resolveSibling("history.jsonl.tmp");
                Files.write(temp, lines.subList(lines.size() - limit, lines.size()), StandardCharsets.UTF_8);
                Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new RingsideException("Cannot write the CQL history " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Entries whose statement contains {@code text} (any case; blank for all), newest first, at
     * most {@code max}, one per statement: its latest run. The file keeps every run (when, outcome,
     * rows, time); the console's list is for finding a statement again, and a statement run ten
     * times filled ten of its lines with the same text, pushing the others out of sight.
     */
    public synchronized List<HistoryEntry> search(String text, int max) {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RingsideException("Cannot read the CQL history " + file + ": " + e.getMessage(), e);
        }
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        List<HistoryEntry> found = new ArrayList<>();
        Set<String> statements = new HashSet<>();
        for (int i = lines.size() - 1; i >= 0 && found.size() < max; i--) {
            HistoryEntry entry = parse(lines.get(i));
            if (entry != null && entry.statement() != null
                    && entry.statement().toLowerCase(Locale.ROOT).contains(wanted)
                    && statements.add(entry.statement().strip())) {
                found.add(entry);
            }
        }
        return Collections.unmodifiableList(found);
    }

    private static HistoryEntry parse(String line) {
        try {
            return line.isBlank() ? null : Json.mapper().readValue(line, HistoryEntry.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
