package io.ringside.core.kafka;

import io.ringside.core.RingsideException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Messages for a Kafka topic kept on disk until Kafka has them: one JSON line per message in
 * {@code <data>/spool/<topic>.jsonl}, appended and forced to disk before anyone is told the action
 * happened. Several processes (CLI commands, the console) may share a data folder, so appends and
 * drains take an exclusive file lock; a drain removes exactly the lines it forwarded.
 */
public final class Spool {

    /**
     * One monitor per spool file in this JVM: a file lock coordinates processes only, and a second
     * thread asking for it while the first holds it gets an exception, not a wait.
     */
    private static final Map<Path, Object> MONITORS = new ConcurrentHashMap<>();

    private final Path file;
    private final Object monitor;

    public Spool(Path dataFolder, String topic) {
        this.file = dataFolder.resolve("spool").resolve(topic + ".jsonl").toAbsolutePath().normalize();
        this.monitor = MONITORS.computeIfAbsent(file, f -> new Object());
    }

    public Path file() {
        return file;
    }

    /** Appends one message (a single line of JSON) and forces it to disk. */
    public void append(String json) {
        if (json.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a spooled message must be one line");
        }
        try {
            Files.createDirectories(file.getParent());
            synchronized (monitor) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND); FileLock lock = channel.lock()) {
                    channel.write(ByteBuffer.wrap((json + "\n").getBytes(StandardCharsets.UTF_8)));
                    channel.force(false);
                }
            }
        } catch (IOException e) {
            throw new RingsideException("Cannot write to the spool " + file + ": " + e.getMessage(), e);
        }
    }

    /** Handles spooled lines in order; returns how many it accepted (stops at the first refusal). */
    @FunctionalInterface
    public interface Sink {
        int accept(List<String> lines);
    }

    /**
     * Offers the spooled lines to {@code sink} and removes the ones it accepted, under the lock,
     * so two processes never forward the same line. Returns the number of lines left.
     */
    public int drain(Sink sink) {
        synchronized (monitor) {
            return drainLocked(sink);
        }
    }

    private int drainLocked(Sink sink) {
        if (!Files.exists(file)) {
            return 0;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            ByteBuffer buffer = ByteBuffer.allocate((int) channel.size());
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read the whole file: spools are small (they only grow while Kafka is away)
            }
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(text.lines().filter(l -> !l.isBlank()).toList());
            if (lines.isEmpty()) {
                return 0;
            }
            int accepted = Math.max(0, Math.min(lines.size(), sink.accept(lines)));
            List<String> rest = lines.subList(accepted, lines.size());
            byte[] remaining = rest.isEmpty() ? new byte[0]
                    : (String.join("\n", rest) + "\n").getBytes(StandardCharsets.UTF_8);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(remaining), 0);
            channel.force(false);
            return rest.size();
        } catch (IOException e) {
            throw new RingsideException("Cannot read the spool " + file + ": " + e.getMessage(), e);
        }
    }

    /** The spooled lines, oldest first (a line being appended right now may be missing or cut). */
    public List<String> lines() {
        try {
            return Files.exists(file) ? Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList() : List.of();
        } catch (IOException e) {
            throw new RingsideException("Cannot read the spool " + file + ": " + e.getMessage(), e);
        }
    }

    public int size() {
        try {
            return Files.exists(file) ? (int) Files.readAllLines(file).stream().filter(l -> !l.isBlank()).count() : 0;
        } catch (IOException e) {
            throw new RingsideException("Cannot read the spool " + file + ": " + e.getMessage(), e);
        }
    }
}
