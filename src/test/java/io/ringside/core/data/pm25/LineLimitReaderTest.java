package io.ringside.core.data.pm25;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The bound on what the CSV parser reads of one line or record (no server needed). */
class LineLimitReaderTest {

    @Test
    void aLineLongerThanTheLimitIsCutAndItsNumberKept() throws IOException {
        LineLimitReader reader = new LineLimitReader(new StringReader("h,h\r\nok\r\n" + "x".repeat(50) + "\r\nafter\n"), 8);
        assertEquals("h,h\r\nok\r\n" + "x".repeat(8) + "\r\nafter\n", readAll(reader, 3));
        assertEquals(3, reader.lastOverlongLine());
    }

    @Test
    void linesWithinTheLimitPassUntouched() throws IOException {
        LineLimitReader reader = new LineLimitReader(new StringReader("12345678\n1234\r1\n"), 8);
        assertEquals("12345678\n1234\r1\n", readAll(reader, 5));
        assertEquals(0, reader.lastOverlongLine());
    }

    @Test
    void aRecordThatNeverEndsIsRefused() {
        LineLimitReader reader = new LineLimitReader(new StringReader("\"" + "1234\n".repeat(100)), 8);
        IOException e = assertThrows(IOException.class, () -> readAll(reader, 16));
        assertTrue(e.getMessage().contains("longer than 32 characters"), e.getMessage());
    }

    private static String readAll(Reader reader, int chunk) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[chunk];
        for (int n; (n = reader.read(buffer, 0, chunk)) >= 0; ) {
            text.append(buffer, 0, n);
        }
        return text.toString();
    }
}
