package io.ringside.core.data.pm25;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Something to import: a file, or a resource shipped in the jar (the built-in sample). The name
 * is what messages show, so a rejected row points the operator at the right file.
 */
public record Pm25Source(String name, long size, Opener opener) {

    /** Opens the raw bytes; called once to check the header and once to import. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    public static Pm25Source of(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(file + ": not readable");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = -1;
        }
        return new Pm25Source(file.toString(), size, () -> Files.newInputStream(file));
    }

    public static Pm25Source resource(Class<?> anchor, String path) {
        if (anchor.getResource(path) == null) {
            throw new IllegalStateException("resource " + path + " missing from the classpath");
        }
        return new Pm25Source("classpath:" + path, -1, () -> anchor.getResourceAsStream(path));
    }

    @Override
    public String toString() {
        return name;
    }
}
