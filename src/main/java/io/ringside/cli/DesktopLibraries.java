package io.ringside.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shared libraries the interactive console's JavaFX window needs on Linux, looked for before
 * JavaFX starts: without them JavaFX fails with a stack trace from deep inside its toolkit start,
 * which tells an operator nothing about what to install. Looked up the way the dynamic linker
 * would find them (LD_LIBRARY_PATH, the folders of /etc/ld.so.conf and its includes, the usual
 * library folders), without loading anything.
 */
final class DesktopLibraries {

    /** Library file name to the Debian/Ubuntu package that ships it. */
    static final Map<String, String> NEEDED = neededLibraries();

    private static final List<String> USUAL_FOLDERS = List.of("/lib", "/lib64", "/usr/lib", "/usr/lib64",
            "/usr/local/lib", "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu",
            "/usr/lib/aarch64-linux-gnu");

    private DesktopLibraries() {
    }

    private static Map<String, String> neededLibraries() {
        Map<String, String> needed = new LinkedHashMap<>();
        needed.put("libgtk-3.so.0", "libgtk-3-0");
        needed.put("libgdk-3.so.0", "libgtk-3-0");
        needed.put("libXtst.so.6", "libxtst6");
        return needed;
    }

    /** The one-line message for this machine, or empty when nothing is missing (or not on Linux). */
    /**
     * True under {@code mvn javafx:run}, whose POM sets {@code ringside.launcher=maven}: there the
     * missing libraries are reported by the one line alone and the command exits 0, since the
     * plugin reports any other exit status as a build failure of its own.
     */
    static boolean launchedByMaven() {
        return "maven".equals(System.getProperty("ringside.launcher"));
    }

    static Optional<String> problem() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        return problem(missing(searchPath(System.getenv("LD_LIBRARY_PATH"), Path.of("/etc/ld.so.conf"))));
    }

    /** The one-line message naming {@code missing} libraries and the command that installs them. */
    static Optional<String> problem(List<String> missing) {
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        Set<String> packages = new LinkedHashSet<>();
        missing.forEach(library -> packages.add(NEEDED.get(library)));
        return Optional.of("the console window needs " + String.join(", ", missing) + " (GTK 3), not found on this "
                + "machine; install with: sudo apt-get install " + String.join(" ", packages)
                + " (snapshot mode, console --view V --snapshot F.png, runs without them)");
    }

    /** The needed libraries found in none of {@code folders}. */
    static List<String> missing(List<Path> folders) {
        List<String> missing = new ArrayList<>();
        for (String library : NEEDED.keySet()) {
            if (folders.stream().noneMatch(folder -> Files.exists(folder.resolve(library)))) {
                missing.add(library);
            }
        }
        return missing;
    }

    /** The folders the dynamic linker searches: LD_LIBRARY_PATH, then ld.so.conf's, then the usual ones. */
    static List<Path> searchPath(String ldLibraryPath, Path ldSoConf) {
        Set<Path> folders = new LinkedHashSet<>();
        if (ldLibraryPath != null) {
            for (String entry : ldLibraryPath.split(":")) {
                if (!entry.isBlank()) {
                    folders.add(Path.of(entry));
                }
            }
        }
        readConf(ldSoConf, folders, 0);
        USUAL_FOLDERS.forEach(folder -> folders.add(Path.of(folder)));
        return List.copyOf(folders);
    }

    private static void readConf(Path conf, Set<Path> folders, int depth) {
        if (depth > 4 || !Files.isRegularFile(conf)) {
            return;
        }
        try {
            for (String raw : Files.readAllLines(conf)) {
                String line = raw.strip();
                if (line.startsWith("include ")) {
                    include(conf.getParent(), line.substring("include ".length()).strip(), folders, depth);
                } else if (line.startsWith("/")) {
                    folders.add(Path.of(line));
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable configuration: the usual folders still count
        }
    }

    /** An {@code include} line: a file or a glob in one folder ({@code /etc/ld.so.conf.d/*.conf}). */
    private static void include(Path base, String pattern, Set<Path> folders, int depth) throws IOException {
        Path path = base.resolve(pattern);
        Path folder = path.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, path.getFileName().toString())) {
            List<Path> sorted = new ArrayList<>();
            files.forEach(sorted::add);
            sorted.sort(null);
            for (Path file : sorted) {
                readConf(file, folders, depth + 1);
            }
        }
    }
}
