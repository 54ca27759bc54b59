package io.ringside.core.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeyTextTest {

    @Test
    void controlAndNonAsciiBytesAreEscapedLikeRedisCli() {
        byte[] key = {'a', ':', 0, '\t', '\n', '\r', '\\', (byte) 0xff, 0x7f, 'z'};
        assertEquals("a:\\x00\\t\\n\\r\\\\\\xff\\x7fz", KeyText.escape(key));
    }

    @Test
    void escapedTextUnescapesToTheSameBytes() {
        byte[] key = new byte[256];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }
        assertArrayEquals(key, KeyText.unescape(KeyText.escape(key)));
        assertArrayEquals("pm25:Dongsi:2014".getBytes(StandardCharsets.UTF_8), KeyText.unescape("pm25:Dongsi:2014"));
    }

    @Test
    void badEscapesNameTheOffset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeyText.unescape("ab\\xz1"));
        assertTrue(e.getMessage().contains("offset 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KeyText.unescape("ab\\"));
        assertThrows(IllegalArgumentException.class, () -> KeyText.unescape("ab\\x1"));
    }

    @Test
    void onlyPatternsWithGlobCharactersScan() {
        assertTrue(KeyText.isGlob("pm25:*"));
        assertTrue(KeyText.isGlob("pm25:?"));
        assertTrue(KeyText.isGlob("pm25:[ab]"));
        assertFalse(KeyText.isGlob("pm25:Dongsi:2014"));
    }
}
