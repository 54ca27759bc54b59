package io.ringside.core.data.pm25;

import java.io.IOException;
import java.io.Reader;

/**
 * Keeps what the CSV parser sees of any one line to {@code limit} characters: the rest of a longer
 * line is read and dropped, never held, and the line is remembered so the importer rejects that
 * record by its number. A valid header followed by gigabytes without a line break then costs one
 * rejected row instead of the heap. A record that spans lines (an open quote) is bounded too: one
 * longer than {@value #RECORD_LINES_LIMIT} times the limit ends the file with an error.
 */
final class LineLimitReader extends Reader {

    static final int RECORD_LINES_LIMIT = 4;

    private final Reader in;
    private final int limit;
    private long line = 1;
    private int lineChars;
    private long recordChars;
    private boolean afterCr;
    private long lastOverlong;

    LineLimitReader(Reader in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    /** The last line (1-based, CR, LF or CRLF ends a line) that was cut; 0 when none was. */
    long lastOverlongLine() {
        return lastOverlong;
    }

    /** A record was handed out: the record bound counts from here. */
    void recordDone() {
        recordChars = 0;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        while (true) {
            int n = in.read(buffer, offset, length);
            if (n <= 0) {
                return n;
            }
            int kept = offset;
            for (int i = offset; i < offset + n; i++) {
                char c = buffer[i];
                if (c == '\n' || c == '\r') {
                    if (c == '\r' || !afterCr) {
                        line++;
                    }
                    afterCr = c == '\r';
                    lineChars = 0;
                } else {
                    afterCr = false;
                    if (lineChars >= limit) {
                        lastOverlong = line;
                        continue;
                    }
                    lineChars++;
                }
                buffer[kept++] = c;
            }
            recordChars += kept - offset;
            if (recordChars > (long) RECORD_LINES_LIMIT * limit) {
                throw new IOException("a record longer than " + RECORD_LINES_LIMIT * limit
                        + " characters (a quote that is never closed?)");
            }
            if (kept > offset) {
                return kept - offset;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
