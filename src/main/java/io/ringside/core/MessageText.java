package io.ringside.core;

import java.util.Locale;

/**
 * User input as it may appear inside an error message: control characters escaped the way
 * {@code KeyText} shows keys ({@code \n}, {@code \t}, {@code \xNN}; other invisible code points as
 * a backslash, {@code u} and four hex digits), and anything past 80 characters cut with a note
 * of the full length, so that a 10 KB name or one holding terminal escapes neither floods nor
 * corrupts the terminal.
 * Letters of any script are kept as they are.
 */
public final class MessageText {

    public static final int MAX_CHARS = 80;

    private MessageText() {
    }

    public static String quote(String input) {
        if (input == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(input.length(), MAX_CHARS) + 16);
        int shown = 0;
        int i = 0;
        while (i < input.length() && shown < MAX_CHARS) {
            int cp = input.codePointAt(i);
            i += Character.charCount(cp);
            shown++;
            switch (cp) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        out.append(String.format(Locale.ROOT, "\\x%02x", cp));
                    } else if (Character.isISOControl(cp) || invisible(cp)) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", cp));
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        }
        if (i < input.length()) {
            out.append(String.format(Locale.ROOT, "... (%,d characters)", input.codePointCount(0, input.length())));
        }
        return out.toString();
    }

    private static boolean invisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.UNASSIGNED || type == Character.PRIVATE_USE || type == Character.SURROGATE;
    }
}
