package io.ringside.core.stack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The last lines of a server log, for error messages that show why a server failed. */
public final class LogTail {

    private LogTail() {
    }

    public static List<String> last(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int window = (int) Math.min(length, 64 * 1024);
            byte[] buffer = new byte[window];
            raf.seek(length - window);
            raf.readFully(buffer);
            List<String> all = new ArrayList<>(Arrays.asList(new String(buffer, StandardCharsets.UTF_8).split("\r?\n")));
            if (window < length && !all.isEmpty()) {
                all.remove(0);
            }
            all.removeIf(String::isBlank);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }
}
