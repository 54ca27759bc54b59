package io.ringside.core.data.dataset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** Generated inputs for the dataset tests: no reference data is copied into the repository. */
public final class DatasetFixtures {

    private DatasetFixtures() {
    }

    /** An IDX3 ubyte file of {@code count} images of rows x cols with a deterministic pattern. */
    static byte[] idxImages(int count, int rows, int cols) {
        ByteBuffer buffer = ByteBuffer.allocate(16 + count * rows * cols);
        buffer.put(new byte[] {0, 0, 0x08, 3}).putInt(count).putInt(rows).putInt(cols);
        for (int i = 0; i < count * rows * cols; i++) {
            buffer.put((byte) ((i * 31 + i / 784) % 256));
        }
        return buffer.array();
    }

    /**
     * An IDX3 ubyte file whose pixels are random in 0-15: it deflates to about half its size,
     * so a flipped byte in its gzip form breaks the deflate data rather than only the CRC.
     */
    static byte[] idxNoisyImages(int count, int rows, int cols, long seed) {
        ByteBuffer buffer = ByteBuffer.allocate(16 + count * rows * cols);
        buffer.put(new byte[] {0, 0, 0x08, 3}).putInt(count).putInt(rows).putInt(cols);
        Random random = new Random(seed);
        for (int i = 0; i < count * rows * cols; i++) {
            buffer.put((byte) random.nextInt(16));
        }
        return buffer.array();
    }

    public static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] truncate(byte[] data, int length) {
        return Arrays.copyOf(data, length);
    }

    public static Path write(Path folder, String name, byte[] data) {
        try {
            return Files.write(folder.resolve(name), data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(ChunkCodec.newSha256().digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }
}
