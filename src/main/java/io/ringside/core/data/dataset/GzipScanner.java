package io.ringside.core.data.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decompresses a gzip stream (one or more members) while keeping track of the compressed offset,
 * which {@link java.util.zip.GZIPInputStream} hides behind its buffer. A damaged or truncated
 * input fails with a {@link BrokenGzipException} that says where in the compressed file it broke
 * and how many bytes had been decompressed by then, so a bad download can be located exactly.
 * Unlike the JDK class it also rejects bytes after the last member instead of ignoring them.
 */
final class GzipScanner extends InputStream {

    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    /** Where a gzip stream broke: offsets in the compressed and in the decompressed stream. */
    static final class BrokenGzipException extends IOException {
        final long compressedOffset;
        final long decompressedOffset;

        BrokenGzipException(String reason, long compressedOffset, long decompressedOffset) {
            super(reason);
            this.compressedOffset = compressedOffset;
            this.decompressedOffset = decompressedOffset;
        }
    }

    private final InputStream source;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private long bufferStart;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private long memberStartOut;
    private long out;
    private boolean inBody;
    private boolean finished;

    GzipScanner(InputStream source) throws IOException {
        this.source = source;
        readHeader();
    }

    private long compressedOffset() {
        return bufferStart + position;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!finished) {
            if (!inBody) {
                readHeader();
                continue;
            }
            if (inflater.needsInput()) {
                if (position == limit && !fill()) {
                    throw broken("the gzip stream ends in the middle of compressed data");
                }
                inflater.setInput(buffer, position, limit - position);
            }
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                position = limit - inflater.getRemaining();
                throw broken("corrupt deflate data (" + e.getMessage() + ")");
            }
            position = limit - inflater.getRemaining();
            if (n > 0) {
                crc.update(b, off, n);
                out += n;
                return n;
            }
            if (inflater.finished()) {
                readTrailer();
            } else if (inflater.needsDictionary()) {
                throw broken("corrupt deflate data (a preset dictionary is not allowed in gzip)");
            }
        }
        return -1;
    }

    private void readHeader() throws IOException {
        long start = compressedOffset();
        int id1 = nextByteOrEnd();
        if (id1 < 0) {
            if (start == 0) {
                throw new BrokenGzipException("empty file, not gzip", 0, 0);
            }
            finished = true;
            return;
        }
        int id2 = nextByte("header");
        if (id1 != 0x1f || id2 != 0x8b) {
            throw new BrokenGzipException(start == 0 ? "not a gzip stream (bad magic)"
                    : "unexpected bytes after the last gzip member", start, out);
        }
        int method = nextByte("header");
        if (method != 8) {
            throw new BrokenGzipException("unsupported gzip compression method " + method, start + 2, out);
        }
        int flags = nextByte("header");
        skip(6, "header");
        if ((flags & FEXTRA) != 0) {
            int xlen = nextByte("header") | nextByte("header") << 8;
            skip(xlen, "header");
        }
        if ((flags & FNAME) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FCOMMENT) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FHCRC) != 0) {
            skip(2, "header");
        }
        inflater.reset();
        crc.reset();
        memberStartOut = out;
        inBody = true;
    }

    private void readTrailer() throws IOException {
        long trailerAt = compressedOffset();
        long expectedCrc = readLittleEndianInt();
        long expectedSize = readLittleEndianInt();
        if (expectedCrc != crc.getValue()) {
            throw new BrokenGzipException("gzip CRC-32 mismatch: the data is corrupt", trailerAt, out);
        }
        if (expectedSize != ((out - memberStartOut) & 0xffffffffL)) {
            throw new BrokenGzipException("gzip length field mismatch: the data is corrupt", trailerAt + 4, out);
        }
        inBody = false;
    }

    private long readLittleEndianInt() throws IOException {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            value |= (long) nextByte("trailer") << (8 * i);
        }
        return value;
    }

    private void skipZeroTerminated() throws IOException {
        while (nextByte("header") != 0) {
            // the file name or comment is of no use here
        }
    }

    private void skip(int n, String part) throws IOException {
        for (int i = 0; i < n; i++) {
            nextByte(part);
        }
    }

    private int nextByte(String part) throws IOException {
        int b = nextByteOrEnd();
        if (b < 0) {
            throw broken("the gzip stream ends inside a member " + part);
        }
        return b;
    }

    private int nextByteOrEnd() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    private boolean fill() throws IOException {
        bufferStart += limit;
        position = 0;
        limit = 0;
        int n = source.read(buffer);
        if (n <= 0) {
            return false;
        }
        limit = n;
        return true;
    }

    private BrokenGzipException broken(String reason) {
        return new BrokenGzipException(reason, compressedOffset(), out);
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        source.close();
    }
}
