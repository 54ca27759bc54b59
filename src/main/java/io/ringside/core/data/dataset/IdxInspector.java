package io.ringside.core.data.dataset;

import io.ringside.core.RingsideException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Decides whether a file is IDX and proves an IDX file whole before its version can be complete.
 *
 * <p>Two steps, so that the expensive one can run alongside the writes: {@link #readHeader}
 * parses the header (decompressing only the first bytes of a gzip file) and, for an uncompressed
 * file, compares the file size with what the header promises; {@link #validate} then streams a
 * gzip file through once, checking the deflate data, every member's CRC-32 and length, and the
 * decompressed length against the header. Both fail with the byte offset where the file broke.
 */
public final class IdxInspector {

    private static final int MAX_DIMS = 8;

    private IdxInspector() {
    }

    /** Both steps in one go: the header of a valid IDX file, or empty for a file that is not IDX. */
    public static Optional<IdxHeader> inspect(Path file, boolean required) {
        Optional<IdxHeader> header = readHeader(file, required);
        header.ifPresent(h -> validate(file, h));
        return header;
    }

    /**
     * @param required true for {@code --kind idx}: a file without an IDX header is rejected
     *                 instead of being treated as binary
     * @return the header, or empty for a file that is not IDX at all
     * @throws InvalidInputException for a broken header, or an uncompressed IDX file of the wrong size
     */
    public static Optional<IdxHeader> readHeader(Path file, boolean required) {
        boolean gzipped = startsWithGzipMagic(file);
        Optional<IdxHeader> header = read(file, gzipped, in -> parseHeader(file, in, gzipped, required));
        if (header.isPresent() && !gzipped) {
            long size;
            try {
                size = Files.size(file);
            } catch (IOException e) {
                throw new RingsideException("Cannot read " + file + ": " + e.getMessage(), e);
            }
            checkLength(file, header.get(), size, "");
        }
        return header;
    }

    /**
     * Streams a gzipped IDX file through and checks it against its header; an uncompressed one
     * was already checked by {@link #readHeader}.
     *
     * @throws InvalidInputException for truncated or corrupt gzip or IDX data
     */
    public static void validate(Path file, IdxHeader header) {
        if (!header.gzipped()) {
            return;
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            validate(file, header, raw);
        } catch (IOException e) {
            throw new RingsideException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * As {@link #validate(Path, IdxHeader)} over the file's bytes as {@code compressed} delivers
     * them (a load passes on the slices it stores); {@code file} names the input in errors.
     */
    static void validate(Path file, IdxHeader header, InputStream compressed) {
        if (!header.gzipped()) {
            return;
        }
        long actual = scan(file, compressed, in -> drain(in, header.expectedBytes() + 1));
        checkLength(file, header, actual, "decompressed ");
    }

    private interface StreamReader<T> {
        T read(InputStream in) throws IOException;
    }

    private static <T> T read(Path file, boolean gzipped, StreamReader<T> reader) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            return gzipped ? scan(file, raw, reader) : reader.read(raw);
        } catch (IOException e) {
            throw new RingsideException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static <T> T scan(Path file, InputStream compressed, StreamReader<T> reader) {
        try (GzipScanner in = new GzipScanner(compressed)) {
            return reader.read(in);
        } catch (GzipScanner.BrokenGzipException e) {
            throw new InvalidInputException(file + ": broken gzip at compressed byte offset " + e.compressedOffset
                    + " (after " + e.decompressedOffset + " decompressed bytes): " + e.getMessage());
        } catch (IOException e) {
            throw new RingsideException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Optional<IdxHeader> parseHeader(Path file, InputStream in, boolean gzipped, boolean required)
            throws IOException {
        String stream = gzipped ? "decompressed " : "";
        byte[] magic = in.readNBytes(4);
        Optional<IdxDtype> dtype = magic.length == 4 && magic[0] == 0 && magic[1] == 0
                ? IdxDtype.ofCode(magic[2] & 0xff) : Optional.empty();
        int ndims = magic.length == 4 ? magic[3] & 0xff : 0;
        if (dtype.isEmpty() || ndims < 1 || ndims > MAX_DIMS) {
            if (required) {
                throw new InvalidInputException(file + ": not an IDX file: bad magic at " + stream + "byte offset 0"
                        + " (expected 00 00 <dtype 08-0E> <ndims 1-" + MAX_DIMS + ">)");
            }
            return Optional.empty();
        }
        byte[] dimBytes = in.readNBytes(4 * ndims);
        if (dimBytes.length < 4 * ndims) {
            throw new InvalidInputException(file + ": truncated IDX header: the " + stream + "data ends at byte offset "
                    + (4 + dimBytes.length) + ", the header needs " + (4 + 4 * ndims) + " bytes");
        }
        int[] dims = new int[ndims];
        for (int i = 0; i < ndims; i++) {
            int offset = 4 * i;
            dims[i] = (dimBytes[offset] & 0xff) << 24 | (dimBytes[offset + 1] & 0xff) << 16
                    | (dimBytes[offset + 2] & 0xff) << 8 | (dimBytes[offset + 3] & 0xff);
            if (dims[i] <= 0) {
                throw new InvalidInputException(file + ": corrupt IDX header: dimension " + i + " is " + dims[i]
                        + " at " + stream + "byte offset " + (4 + offset));
            }
        }
        IdxHeader header = new IdxHeader(dtype.get(), dims, gzipped);
        try {
            header.expectedBytes();
        } catch (ArithmeticException e) {
            throw new InvalidInputException(file + ": corrupt IDX header: dimensions overflow (" + header + ")");
        }
        return Optional.of(header);
    }

    private static void checkLength(Path file, IdxHeader header, long actual, String stream) {
        long expected = header.expectedBytes();
        if (actual < expected) {
            throw new InvalidInputException(file + ": truncated IDX data: the " + stream + "data ends at byte offset "
                    + actual + ", the header (" + header + ") promises " + expected + " bytes");
        }
        if (actual > expected) {
            throw new InvalidInputException(file + ": corrupt IDX data: unexpected bytes after the end at "
                    + stream + "byte offset " + expected + " (" + header + ")");
        }
    }

    /**
     * Reads up to {@code max} bytes and returns how many there were; reading on to the end of a
     * gzip stream is what checks its last CRC-32.
     */
    private static long drain(InputStream in, long max) throws IOException {
        byte[] sink = new byte[64 * 1024];
        long total = 0;
        while (total < max) {
            int n = in.read(sink, 0, (int) Math.min(sink.length, max - total));
            if (n < 0) {
                return total;
            }
            total += n;
        }
        return total + (in.read() < 0 ? 0 : 1);
    }

    static boolean startsWithGzipMagic(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
        } catch (IOException e) {
            throw new RingsideException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
