package io.ringside.core.data.pm25;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One input file opened as CSV text. Gzip is recognised by its magic bytes, not the file name
 * (downloads lose or gain {@code .gz}), and a binary file is refused up front with a message
 * naming what it looks like, rather than failing later with a confusing parse error.
 */
final class CsvInput implements Closeable {

    private static final int SNIFF_BYTES = 8192;
    /** The longest line read into memory, in characters (1 MiB of ASCII); longer rows are rejected. */
    static final int MAX_LINE_CHARS = 1 << 20;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .get();

    private final String file;
    private final CountingInputStream raw;
    private final LineLimitReader limited;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private long lineOfNext;

    private CsvInput(String file, CountingInputStream raw, LineLimitReader limited, CSVParser parser,
                     List<String> header) {
        this.file = file;
        this.raw = raw;
        this.limited = limited;
        this.parser = parser;
        this.records = parser.iterator();
        this.header = header;
        this.lineOfNext = parser.getCurrentLineNumber() + 1;
    }

    static CsvInput open(Pm25Source source, Charset charset) {
        String file = source.name();
        CountingInputStream raw = null;
        try {
            raw = new CountingInputStream(source.opener().open());
            BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
            InputStream text = isGzip(buffered) ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16)
                    : buffered;
            refuseBinary(file, text);
            // undecodable bytes become U+FFFD, which the row parser rejects with the row's line
            LineLimitReader reader = new LineLimitReader(new InputStreamReader(text, charset), MAX_LINE_CHARS);
            CSVParser parser = FORMAT.parse(reader);
            Iterator<CSVRecord> it = parser.iterator();
            if (!it.hasNext()) {
                parser.close();
                throw new Pm25ImportException(file + ": the file is empty (no CSV header)");
            }
            List<String> header = new ArrayList<>();
            for (String name : it.next()) {
                header.add(header.isEmpty() ? stripBom(name).trim() : name.trim());
            }
            reader.recordDone();
            return new CsvInput(file, raw, reader, parser, header);
        } catch (IOException | UncheckedIOException e) {
            closeQuietly(raw);
            throw new Pm25ImportException(file + ": cannot read: " + message(e), e);
        } catch (RuntimeException e) {
            closeQuietly(raw);
            throw e;
        }
    }

    List<String> header() {
        return header;
    }

    String file() {
        return file;
    }

    /** Bytes of the file consumed so far (compressed bytes for gzip). */
    long bytesRead() {
        return raw.count();
    }

    /** The line the record returned by the last {@link #next()} started on (1-based, header is line 1). */
    long line() {
        return lineOfNext;
    }

    /** The next record, or null at the end; a CSV syntax error ends the file with its line number. */
    CSVRecord next() {
        long start = parser.getCurrentLineNumber() + 1;
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            limited.recordDone();
            lineOfNext = start;
            return record;
        } catch (UncheckedIOException | IllegalStateException e) {
            String what = e.getCause() instanceof java.io.EOFException ? "the file ends early (a cut or partial download?): "
                    : "cannot parse CSV: ";
            throw new InputEndedEarlyException(file, start, file + ":" + start + ": " + what + message(e), e);
        }
    }

    /** Rejects the record of the last {@link #next()} when one of its lines was cut at the limit. */
    void requireWithinLimit() throws RowRejectedException {
        if (limited.lastOverlongLine() >= lineOfNext) {
            throw new RowRejectedException(String.format(Locale.ROOT, "line longer than %,d characters (1 MiB); "
                    + "the rest of it was skipped", MAX_LINE_CHARS));
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // read-only input: nothing to lose
        }
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b;
    }

    private static void refuseBinary(String file, InputStream in) throws IOException {
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        String kind = binaryKind(head);
        if (kind != null) {
            throw new Pm25ImportException(file + ": not a CSV text file (" + kind + ")");
        }
    }

    private static String binaryKind(byte[] head) {
        if (startsWith(head, 0x89, 'P', 'N', 'G')) {
            return "looks like a PNG image";
        }
        if (startsWith(head, 0xff, 0xd8, 0xff)) {
            return "looks like a JPEG image";
        }
        if (startsWith(head, 'P', 'K', 3, 4)) {
            return "looks like a ZIP archive; unzip it first";
        }
        if (startsWith(head, '%', 'P', 'D', 'F')) {
            return "looks like a PDF document";
        }
        for (byte b : head) {
            if (b == 0) {
                return "binary content";
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static String message(Exception e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static void closeQuietly(Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }
}
