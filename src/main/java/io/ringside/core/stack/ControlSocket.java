package io.ringside.core.stack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where a supervisor listens: a Unix domain socket in the stack folder, so only the user who owns
 * the data folder can drive the stack and no TCP port is spent. Socket paths are limited to about
 * 100 bytes, so a deep data folder gets a socket in the temp folder named after a hash of it.
 */
final class ControlSocket {

    private static final int MAX_PATH_BYTES = 100;

    private ControlSocket() {
    }

    static Path pathFor(Path stackFolder) {
        Path preferred = stackFolder.toAbsolutePath().resolve("control.sock");
        if (preferred.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_PATH_BYTES) {
            return preferred;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(stackFolder.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
            return Path.of(System.getProperty("java.io.tmpdir"),
                    "ringside-" + HexFormat.of().formatHex(hash, 0, 8) + ".sock");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
