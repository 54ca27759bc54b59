package io.ringside.core.data.cache;

import io.ringside.core.RingsideException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Cache invalidations that Redis did not take (stopped, paused, timed out), kept on disk so they
 * outlive the process that could not send them: an import that exits while Redis is paused would
 * otherwise leave its old values to be served as hits for a whole TTL. One file per namespace,
 * one URL-encoded key per line, under a folder named for the Redis server they belong to; every
 * process using that server replays them (under a file lock) before it reads the namespace.
 */
public final class PendingInvalidations {

    /** One JVM-wide monitor: a file lock is per process, and overlapping locks in one JVM throw. */
    private static final Object IN_PROCESS = new Object();

    private final Path folder;

    private PendingInvalidations(Path folder) {
        this.folder = folder;
    }

    /** The pending invalidations of the Redis server {@code host:port} in a data folder. */
    public static PendingInvalidations in(Path dataFolder, String redisHost, int redisPort) {
        String server = (redisHost + "_" + redisPort).replaceAll("[^A-Za-z0-9._-]", "_");
        return new PendingInvalidations(dataFolder.resolve("cache").resolve("pending-invalidations").resolve(server));
    }

    /** The file holding a namespace's pending keys (for messages). */
    public Path file(String namespace) {
        return folder.resolve(namespace + ".keys");
    }

    /** Whether keys of {@code namespace} wait to be deleted; one stat, cheap enough for every read. */
    public boolean any(String namespace) {
        return Files.exists(file(namespace));
    }

    /** Appends keys to the namespace's file and forces it to disk before returning. */
    public void add(String namespace, Collection<String> keys) {
        StringBuilder lines = new StringBuilder();
        for (String key : keys) {
            lines.append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('\n');
        }
        locked(namespace, () -> {
            try (FileChannel out = FileChannel.open(file(namespace), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                out.write(StandardCharsets.UTF_8.encode(lines.toString()));
                out.force(true);
            }
            return null;
        });
    }

    /**
     * Hands the pending keys of {@code namespace} to {@code delete} and forgets them once it
     * returns; when it throws, they stay pending and the exception propagates.
     */
    public void replay(String namespace, Consumer<List<String>> delete) {
        locked(namespace, () -> {
            Path file = file(namespace);
            if (!Files.exists(file)) {
                return null;
            }
            Set<String> keys = new LinkedHashSet<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isEmpty()) {
                    keys.add(URLDecoder.decode(line, StandardCharsets.UTF_8));
                }
            }
            if (!keys.isEmpty()) {
                delete.accept(List.copyOf(keys));
            }
            Files.delete(file);
            return null;
        });
    }

    private interface FileWork {
        Object run() throws IOException;
    }

    private void locked(String namespace, FileWork work) {
        synchronized (IN_PROCESS) {
            try {
                Files.createDirectories(folder);
                try (FileChannel lockFile = FileChannel.open(folder.resolve(namespace + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = lockFile.lock()) {
                    work.run();
                }
            } catch (IOException | UncheckedIOException e) {
                throw new RingsideException("Cannot keep pending cache invalidations in " + folder + ": "
                        + e.getMessage(), e);
            }
        }
    }
}
