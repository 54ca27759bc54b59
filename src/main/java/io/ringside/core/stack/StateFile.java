package io.ringside.core.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ringside.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads and atomically replaces {@code stack.json}. A file that cannot be parsed is reported
 * with its path and never overwritten: it may be the only record of ports and a cluster id.
 */
public final class StateFile {

    private final Path path;

    public StateFile(Path stackFolder) {
        this.path = stackFolder.resolve("stack.json");
    }

    /**
     * Builds Jackson's mapper and the state's deserializers, for a command about to read the state
     * and wanting them built on another thread meanwhile (see {@code cli.CommandStart}).
     */
    public static void prepareReader() {
        Json.mapper().readerFor(StackState.class);
    }

    public Path path() {
        return path;
    }

    public Optional<StackState> read() {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            StackState state = Json.mapper().readValue(path.toFile(), StackState.class);
            if (state.cassandra() == null || state.kafka() == null || state.redis() == null) {
                throw new StackException("State file " + path + " is incomplete (missing a server section); "
                        + "move it away to start a new stack in this data folder");
            }
            if (state.layoutVersion() != StackState.LAYOUT_VERSION) {
                throw new StackException("Data folder " + path.getParent().getParent() + " was written with layout version "
                        + state.layoutVersion() + "; this Ringside uses " + StackState.LAYOUT_VERSION
                        + ". It was left untouched.");
            }
            return Optional.of(state);
        } catch (JsonProcessingException e) {
            throw new StackException("State file " + path + " is corrupt at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage()
                    + ". It was left untouched; move it away to start a new stack in this data folder", e);
        } catch (IOException e) {
            throw new StackException("Cannot read state file " + path + ": " + e.getMessage(), e);
        }
    }

    public void write(StackState state) {
        try {
            Json.writeAtomically(path, state);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write state file " + path, e);
        }
    }
}
