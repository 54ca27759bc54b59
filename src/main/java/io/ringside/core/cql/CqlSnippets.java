package io.ringside.core.cql;

import com.fasterxml.jackson.core.type.TypeReference;
import io.ringside.core.Json;
import io.ringside.core.RingsideException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Named statements an operator saved, in {@code <data>/cql/snippets.json} ({@code name -> text}),
 * written whole and atomically so a crash never leaves half a file.
 */
public final class CqlSnippets {

    private final Path file;

    public CqlSnippets(Path dataFolder) {
        this.file = dataFolder.resolve("cql").resolve("snippets.json");
    }

    /** Every snippet by name, in name order. */
    public synchronized Map<String, String> all() {
        if (!Files.exists(file)) {
            return Map.of();
        }
        try {
            return new TreeMap<>(Json.mapper().readValue(file.toFile(), new TypeReference<Map<String, String>>() { }));
        } catch (IOException e) {
            throw new RingsideException("Cannot read the CQL snippets " + file + ": " + e.getMessage(), e);
        }
    }

    public synchronized void save(String name, String text) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A snippet needs a name");
        }
        Map<String, String> snippets = new TreeMap<>(all());
        snippets.put(name.strip(), text);
        write(snippets);
    }

    public synchronized void delete(String name) {
        Map<String, String> snippets = new TreeMap<>(all());
        if (snippets.remove(name) != null) {
            write(snippets);
        }
    }

    private void write(Map<String, String> snippets) {
        try {
            Json.writeAtomically(file, snippets);
        } catch (IOException e) {
            throw new RingsideException("Cannot write the CQL snippets " + file + ": " + e.getMessage(), e);
        }
    }
}
