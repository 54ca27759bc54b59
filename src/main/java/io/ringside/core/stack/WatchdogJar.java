package io.ringside.core.stack;

import io.ringside.core.stack.watchdog.StdinWatchdog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Writes a jar holding only {@link StdinWatchdog}, for the server JVMs' classpath. Putting the
 * console's own jar there instead would drag its resources (logging configuration) into the
 * servers' classpath.
 */
final class WatchdogJar {

    private WatchdogJar() {
    }

    static synchronized Path ensure(Path folder) {
        String entry = StdinWatchdog.class.getName().replace('.', '/') + ".class";
        byte[] bytes;
        try (InputStream in = StdinWatchdog.class.getClassLoader().getResourceAsStream(entry)) {
            if (in == null) {
                throw new IllegalStateException(entry + " not found on the classpath");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path jar = folder.resolve("ringside-watchdog-" + Integer.toHexString(java.util.Arrays.hashCode(bytes)) + ".jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, "watchdog", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp); JarOutputStream jarOut = new JarOutputStream(out)) {
                jarOut.putNextEntry(new JarEntry(entry));
                jarOut.write(bytes);
                jarOut.closeEntry();
            }
            Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + jar, e);
        }
    }
}
