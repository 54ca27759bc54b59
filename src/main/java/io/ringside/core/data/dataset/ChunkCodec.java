package io.ringside.core.data.dataset;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Turns a raw slice into a standalone gzip member and back, and hashes slices.
 *
 * <p>Compression level: each slice is first probed by deflating its first 64 KiB at
 * {@link Deflater#BEST_SPEED}; if that saves less than 3 % the slice is stored (level 0, still a
 * valid gzip member) because deflating already-compressed data (a {@code .gz} input) costs CPU on
 * a box Cassandra shares and buys nothing. Stored members are framed here directly (RFC 1951
 * stored blocks: a copy plus a CRC-32), several times faster than zlib's level 0. Otherwise the
 * slice is deflated at BEST_SPEED, which on IDX pixel data gets most of the ratio of the default
 * level at a fraction of its time.
 */
public final class ChunkCodec {

    private static final int PROBE_BYTES = 64 * 1024;
    private static final int STORED_BLOCK = 65_535;
    /** Magic, deflate, no flags, no mtime, no extra flags, OS unknown. */
    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final double STORE_THRESHOLD = 0.97;

    private ChunkCodec() {
    }

    public static byte[] gzip(byte[] raw) {
        if (!worthCompressing(raw)) {
            return storedGzip(raw);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 1024);
        try (GZIPOutputStream gz = new LeveledGzipOutputStream(out, Deflater.BEST_SPEED)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A gzip member of stored (uncompressed) deflate blocks: 10 + n + 5 per 64 KiB + 8 bytes. */
    static byte[] storedGzip(byte[] raw) {
        int blocks = Math.max(1, (raw.length + STORED_BLOCK - 1) / STORED_BLOCK);
        ByteBuffer out = ByteBuffer.allocate(GZIP_HEADER.length + raw.length + 5 * blocks + 8)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put(GZIP_HEADER);
        for (int block = 0, offset = 0; block < blocks; block++, offset += STORED_BLOCK) {
            int length = Math.min(STORED_BLOCK, raw.length - offset);
            out.put((byte) (block == blocks - 1 ? 1 : 0));
            out.putShort((short) length);
            out.putShort((short) ~length);
            out.put(raw, offset, length);
        }
        CRC32 crc = new CRC32();
        crc.update(raw);
        out.putInt((int) crc.getValue());
        out.putInt(raw.length);
        return out.array();
    }

    /** Decompresses one chunk; the chunk must be one complete gzip member. */
    public static byte[] gunzip(byte[] gz, int expectedRawBytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 64 * 1024)) {
            byte[] raw = in.readNBytes(Math.max(0, expectedRawBytes) + 1);
            return raw;
        }
    }

    public static String sha256(byte[] data) {
        return HexFormat.of().formatHex(newSha256().digest(data));
    }

    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private static boolean worthCompressing(byte[] raw) {
        int probe = Math.min(raw.length, PROBE_BYTES);
        if (probe < 512) {
            return true;
        }
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        try {
            deflater.setInput(raw, 0, probe);
            deflater.finish();
            byte[] sink = new byte[probe + 1024];
            int produced = 0;
            while (!deflater.finished()) {
                produced += deflater.deflate(sink);
            }
            return produced < probe * STORE_THRESHOLD;
        } finally {
            deflater.end();
        }
    }

    /** GZIPOutputStream with a chosen level (the JDK class only exposes its Deflater to subclasses). */
    private static final class LeveledGzipOutputStream extends GZIPOutputStream {
        LeveledGzipOutputStream(ByteArrayOutputStream out, int level) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(level);
        }
    }
}
