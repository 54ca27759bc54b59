package io.ringside.core.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the local stack's data folder readable by its owner alone: SSTables, the audit topic's
 * segments and server logs hold data other local users must not read. The servers are started
 * under {@code umask 077} (they create their files themselves), what this JVM writes there is
 * created owner-only, and a start fixes folders left open by an earlier version or a permissive
 * umask ({@link #fix}).
 */
public final class OwnerOnly {

    /** The folders below the data folder that the local stack writes: the servers', its state and its secrets. */
    static final List<String> STACK_FOLDERS = List.of("stack", "tls", "cassandra", "kafka", "redis", "redis-cluster",
            "sshd", "redis-sentinel");

    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private OwnerOnly() {
    }

    /** What {@link #fix} changed: counts, and a few of the paths to name. */
    record Fixed(int folders, int files, List<Path> examples) {
        boolean any() {
            return folders + files > 0;
        }

        String describe(Path dataFolder) {
            return "made " + folders + (folders == 1 ? " folder" : " folders") + " (0700) and " + files
                    + (files == 1 ? " file" : " files") + " (no group/other access) owner-only, e.g. "
                    + String.join(", ", examples.stream().map(p -> dataFolder.relativize(p).toString())
                    .map(s -> s.isEmpty() ? "the data folder" : s).toList());
        }
    }

    /**
     * {@code command} run by {@code /bin/sh} under {@code umask 077}, so that every file and folder
     * the server creates is its owner's alone; {@code exec} keeps the process (and its pid) the same.
     */
    static List<String> underPrivateUmask(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", "umask 077; exec \"$@\"", "ringside-umask"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Creates {@code folder} and any missing parent with mode 0700 (an existing folder is left as it is). */
    public static void folder(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        List<Path> missing = new ArrayList<>();
        for (Path p = absolute; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            missing.add(0, p);
        }
        try {
            for (Path p : missing) {
                try {
                    Files.createDirectory(p, PosixFilePermissions.asFileAttribute(FOLDER));
                    Files.setPosixFilePermissions(p, FOLDER);
                } catch (FileAlreadyExistsException raced) {
                    // Servers start side by side (the cluster's three nodes share one parent): another
                    // thread made this folder between the check and the create, which is what we wanted.
                    if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        throw raced;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + folder + ": " + e, e);
        }
    }

    /** Creates {@code file} (and its folders) empty with mode 0600 unless it exists; for logs a child appends to. */
    public static void file(Path file) {
        folder(file.toAbsolutePath().getParent());
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + file + ": " + e, e);
        }
    }

    /**
     * Makes the data folder 0700 and, below it, the stack's folders 0700 and their files free of
     * group and other access (0644 becomes 0600; the owner's bits stay). Symbolic links are not
     * followed. Cheap: one walk of a few thousand entries at most.
     */
    static Fixed fix(Path dataFolder) {
        Path root = dataFolder.toAbsolutePath().normalize();
        folder(root);
        int[] counts = new int[2];
        List<Path> examples = new ArrayList<>();
        try {
            if (restrict(root, true)) {
                counts[0]++;
                examples.add(root);
            }
            for (String name : STACK_FOLDERS) {
                Path tree = root.resolve(name);
                if (!Files.isDirectory(tree, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Files.walkFileTree(tree, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                        count(dir, restrict(dir, true), 0);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        if (attrs.isRegularFile()) {
                            count(file, restrict(file, false), 1);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        // a file a server removed while we walked: nothing left to protect
                        return FileVisitResult.CONTINUE;
                    }

                    private void count(Path path, boolean changed, int kind) {
                        if (changed) {
                            counts[kind]++;
                            if (examples.size() < 3) {
                                examples.add(path);
                            }
                        }
                    }
                });
            }
        } catch (IOException e) {
            throw new StackException("Cannot make the data folder " + root + " owner-only: " + e.getMessage(), e);
        }
        return new Fixed(counts[0], counts[1], examples);
    }

    /** @return whether the mode had to change */
    private static boolean restrict(Path path, boolean folder) throws IOException {
        Set<PosixFilePermission> current = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        Set<PosixFilePermission> wanted;
        if (folder) {
            wanted = FOLDER;
        } else {
            wanted = EnumSet.noneOf(PosixFilePermission.class);
            wanted.addAll(current);
            wanted.removeAll(OTHERS);
        }
        if (current.equals(wanted)) {
            return false;
        }
        Files.setPosixFilePermissions(path, wanted);
        return true;
    }
}
