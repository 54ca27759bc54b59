package io.ringside.core.data.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The record of an export's finished token ranges, in a folder beside the target named after the
 * job: each range is written to {@code range-NNNNN.part}, renamed to its final part name once
 * closed, and only then appended to {@code ranges.done} (forced to disk). A range counts as done
 * when its line is in the ledger and its part file is there, so a worker killed at any point
 * leaves either a whole recorded range or one that the next run writes again from its start:
 * nothing twice, nothing lost. The plan (what is read, in which format, cut how) is kept too; a
 * folder of another plan is emptied rather than mixed.
 */
public final class RangeLedger {

    static final String PLAN = "plan.txt";
    static final String LEDGER = "ranges.done";

    /** A finished range: its rows and the bytes of its part file. */
    public record Done(long rows, long bytes) {
    }

    private final Path folder;
    private final String extension;
    private final Map<Integer, Done> done = new HashMap<>();

    private RangeLedger(Path folder, String extension) {
        this.folder = folder;
        this.extension = extension;
    }

    /** The work folder of the export of job {@code workId} to {@code target}: hidden, beside it. */
    public static Path folderOf(Path target, String workId) {
        return target.resolveSibling("." + target.getFileName() + ".export-" + workId);
    }

    /**
     * Opens (or starts) the ledger of an export, keeping the ranges an earlier run of the same
     * plan finished.
     *
     * @param plan      a text that differs whenever the parts of two runs could not be mixed
     * @param extension the ending of a finished part file
     */
    static RangeLedger open(Path folder, String plan, String extension) throws IOException {
        Files.createDirectories(folder);
        Path planFile = folder.resolve(PLAN);
        if (!Files.exists(planFile) || !Files.readString(planFile, StandardCharsets.UTF_8).equals(plan)) {
            clear(folder);
            Files.writeString(planFile, plan, StandardCharsets.UTF_8);
        }
        RangeLedger ledger = new RangeLedger(folder, extension);
        Path lines = folder.resolve(LEDGER);
        if (Files.exists(lines)) {
            for (String line : Files.readAllLines(lines, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (f.length != 3) {
                    continue; // a line cut by a crash: its range is written again
                }
                int index = Integer.parseInt(f[0]);
                if (Files.exists(ledger.part(index))) {
                    ledger.done.put(index, new Done(Long.parseLong(f[1]), Long.parseLong(f[2])));
                }
            }
        }
        return ledger;
    }

    /** The plan an earlier run left in {@code folder}; empty when none did. */
    static Optional<String> planIn(Path folder) throws IOException {
        Path planFile = folder.resolve(PLAN);
        return Files.exists(planFile) ? Optional.of(Files.readString(planFile, StandardCharsets.UTF_8)) : Optional.empty();
    }

    public synchronized Map<Integer, Done> completed() {
        return Map.copyOf(done);
    }

    /** Where range {@code index} is written while it is read. */
    Path partial(int index) {
        return folder.resolve(String.format("range-%05d.part", index));
    }

    /** A finished range's part file. */
    Path part(int index) {
        return folder.resolve(String.format("range-%05d%s", index, extension));
    }

    /** Records a range whose part file is written and closed. */
    synchronized void complete(int index, long rows) throws IOException {
        Path from = partial(index);
        Path to = part(index);
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
        long bytes = Files.size(to);
        try (FileChannel channel = FileChannel.open(folder.resolve(LEDGER), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap((index + "\t" + rows + "\t" + bytes + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        done.put(index, new Done(rows, bytes));
    }

    /** Removes the folder and everything in it (the export is in place, cancelled or failed). */
    void delete() {
        try {
            clear(folder);
            Files.deleteIfExists(folder);
        } catch (IOException ignored) {
            // a leftover hidden folder named after the job is harmless
        }
    }

    private static void clear(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path file : files) {
            Files.deleteIfExists(file);
        }
    }
}
