package io.ringside.core.cql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CqlHistoryTest {

    private static HistoryEntry entry(String statement) {
        return new HistoryEntry(Instant.parse("2026-01-01T00:00:00Z"), "local", statement, "read", "ok", 1, 2);
    }

    @Test
    void persistsBoundedAndSearchableNewestFirst(@TempDir Path data) throws Exception {
        CqlHistory history = new CqlHistory(data, 8);
        for (int i = 0; i < 30; i++) {
            history.add(entry("SELECT * FROM t" + i));
        }
        assertEquals(List.of("SELECT * FROM t29", "SELECT * FROM t28"),
                new CqlHistory(data, 8).search("", 2).stream().map(HistoryEntry::statement).toList());
        assertEquals(List.of("SELECT * FROM t29", "SELECT * FROM t28", "SELECT * FROM t27", "SELECT * FROM t26",
                        "SELECT * FROM t25", "SELECT * FROM t24", "SELECT * FROM t23", "SELECT * FROM t22",
                        "SELECT * FROM t21"),
                history.search(null, 100).stream().map(HistoryEntry::statement).toList(),
                "rewritten to the newest 8 whenever it passed 10");
        assertEquals(List.of("SELECT * FROM t21"), history.search("from T21", 10).stream()
                .map(HistoryEntry::statement).toList());
        Files.writeString(history.file(), "{broken\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(9, history.search("", 100).size(), "an unreadable line is skipped");
    }

    @Test
    void aStatementRunAgainIsListedOnceAtItsLatestRun(@TempDir Path data) {
        CqlHistory history = new CqlHistory(data);
        history.add(entry("SELECT * FROM a"));
        history.add(entry("SELECT * FROM b"));
        history.add(new HistoryEntry(Instant.parse("2026-01-02T00:00:00Z"), "local", "SELECT * FROM a ", "read",
                "failed: timeout", 0, 5000));
        history.add(entry("SELECT * FROM c"));

        List<HistoryEntry> listed = history.search("", 10);

        assertEquals(List.of("SELECT * FROM c", "SELECT * FROM a ", "SELECT * FROM b"),
                listed.stream().map(HistoryEntry::statement).toList());
        assertEquals("failed: timeout", listed.get(1).outcome(), "the latest run's outcome");
        assertEquals(List.of("SELECT * FROM a "), history.search("from a", 10).stream()
                .map(HistoryEntry::statement).toList());
    }

    @Test
    void snippetsAreSavedAndDeleted(@TempDir Path data) {
        CqlSnippets snippets = new CqlSnippets(data);
        snippets.save("b", "SELECT 2 FROM t");
        snippets.save("a", "SELECT 1 FROM t");
        assertEquals(Map.of("a", "SELECT 1 FROM t", "b", "SELECT 2 FROM t"), new CqlSnippets(data).all());
        snippets.delete("a");
        assertEquals(Map.of("b", "SELECT 2 FROM t"), new CqlSnippets(data).all());
    }
}
