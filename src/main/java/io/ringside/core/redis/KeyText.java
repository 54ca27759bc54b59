package io.ringside.core.redis;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Binary-safe key text: keys are shown the way {@code redis-cli} quotes them (printable ASCII as
 * is, {@code \\}, {@code \t}, {@code \n}, {@code \r}, {@code \a}, {@code \b}, anything else
 * {@code \xNN}), so a key printed by {@code ringside keys} can be pasted back into {@code evict}
 * or {@code ttl} and names the same bytes, and a TSV line never breaks on a key.
 */
public final class KeyText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private KeyText() {
    }

    public static String escape(byte[] key) {
        StringBuilder out = new StringBuilder(key.length + 8);
        for (byte b : key) {
            int c = b & 0xff;
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case 7 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        out.append((char) c);
                    } else {
                        out.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    }
                }
            }
        }
        return out.toString();
    }

    /** The bytes an escaped key names; other text is taken as UTF-8. */
    public static byte[] unescape(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '\\') {
                int end = i;
                while (end < text.length() && text.charAt(end) != '\\') {
                    end++;
                }
                out.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
                continue;
            }
            if (i + 1 >= text.length()) {
                throw new IllegalArgumentException("Key '" + text + "' ends with a lone backslash (offset " + i + ")");
            }
            char e = text.charAt(i + 1);
            switch (e) {
                case '\\' -> out.write('\\');
                case 't' -> out.write('\t');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 'a' -> out.write(7);
                case 'b' -> out.write('\b');
                case '"' -> out.write('"');
                case 'x' -> {
                    if (i + 3 >= text.length()) {
                        throw badHex(text, i);
                    }
                    int hi = Character.digit(text.charAt(i + 2), 16);
                    int lo = Character.digit(text.charAt(i + 3), 16);
                    if (hi < 0 || lo < 0) {
                        throw badHex(text, i);
                    }
                    out.write(hi << 4 | lo);
                    i += 2;
                }
                default -> throw new IllegalArgumentException(
                        "Key '" + text + "' has an unknown escape \\" + e + " at offset " + i);
            }
            i += 2;
        }
        return out.toByteArray();
    }

    private static IllegalArgumentException badHex(String text, int offset) {
        return new IllegalArgumentException("Key '" + text + "' has a bad \\xNN escape at offset " + offset);
    }

    /** True when a pattern holds glob characters, i.e. names more than one key. */
    public static boolean isGlob(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '\\') {
                return true;
            }
        }
        return false;
    }
}
