package io.ringside.core.redis;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits console input into commands the way {@code redis-cli} reads a line: words separated by
 * blanks; {@code "double quotes"} with the escapes {@code \n \r \t \b \a \\ \" \xNN}; {@code 'single
 * quotes'} with only {@code \'}. A line end outside quotes ends a command, so one input can hold
 * several commands, and a quoted argument can span lines.
 */
public final class CommandLineParser {

    /** One command: its words as bytes, and the line (1-based) it starts on. */
    public record Command(List<byte[]> argv, int line) {
        public String name() {
            return new String(argv.get(0), StandardCharsets.UTF_8);
        }

        /** The words as text (UTF-8), for completion and messages. */
        public List<String> words() {
            return argv.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
        }
    }

    private CommandLineParser() {
    }

    /**
     * The commands of {@code input}, empty lines skipped.
     *
     * @throws IllegalArgumentException naming the line and column of an unclosed quote or a bad escape
     */
    public static List<Command> parse(String input) {
        List<Command> commands = new ArrayList<>();
        List<byte[]> words = new ArrayList<>();
        ByteArrayOutputStream word = null;
        int line = 1;
        int commandLine = 1;
        int i = 0;
        int lineStart = 0;
        while (i < input.length()) {
            char c = input.charAt(i);
            if (c == '\n') {
                if (word != null) {
                    words.add(word.toByteArray());
                    word = null;
                }
                if (!words.isEmpty()) {
                    commands.add(new Command(List.copyOf(words), commandLine));
                    words.clear();
                }
                line++;
                lineStart = i + 1;
                i++;
                continue;
            }
            if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toByteArray());
                    word = null;
                }
                i++;
                continue;
            }
            if (word == null) {
                word = new ByteArrayOutputStream();
                if (words.isEmpty()) {
                    commandLine = line;
                }
            }
            if (c == '"' || c == '\'') {
                int start = i;
                i++;
                boolean closed = false;
                while (i < input.length()) {
                    char q = input.charAt(i);
                    if (q == c) {
                        closed = true;
                        i++;
                        break;
                    }
                    if (q == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                    if (q == '\\' && i + 1 < input.length()) {
                        i = escape(input, i, c, word, line, lineStart);
                        continue;
                    }
                    word.writeBytes(String.valueOf(q).getBytes(StandardCharsets.UTF_8));
                    i++;
                }
                if (!closed) {
                    throw new IllegalArgumentException("Unclosed " + (c == '"' ? "double" : "single")
                            + " quote at line " + line + ", column " + (start - lineStart + 1));
                }
                if (i < input.length() && !Character.isWhitespace(input.charAt(i))) {
                    throw new IllegalArgumentException("A closing quote must be followed by a space at line " + line
                            + ", column " + (i - lineStart + 1));
                }
                continue;
            }
            int cp = input.codePointAt(i);
            word.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
            i += Character.charCount(cp);
        }
        if (word != null) {
            words.add(word.toByteArray());
        }
        if (!words.isEmpty()) {
            commands.add(new Command(List.copyOf(words), commandLine));
        }
        return commands;
    }

    /** Reads the escape at {@code at} (a backslash) inside quotes {@code quote}; returns the index after it. */
    private static int escape(String input, int at, char quote, ByteArrayOutputStream word, int line, int lineStart) {
        char e = input.charAt(at + 1);
        if (quote == '\'') {
            word.write(e == '\'' ? '\'' : '\\');
            return e == '\'' ? at + 2 : at + 1;
        }
        switch (e) {
            case 'n' -> word.write('\n');
            case 'r' -> word.write('\r');
            case 't' -> word.write('\t');
            case 'b' -> word.write('\b');
            case 'a' -> word.write(7);
            case 'x' -> {
                if (at + 3 < input.length() && hex(input.charAt(at + 2)) >= 0 && hex(input.charAt(at + 3)) >= 0) {
                    word.write(hex(input.charAt(at + 2)) * 16 + hex(input.charAt(at + 3)));
                    return at + 4;
                }
                throw new IllegalArgumentException("Bad \\x escape at line " + line + ", column "
                        + (at - lineStart + 1) + ": two hex digits expected");
            }
            default -> word.writeBytes(String.valueOf(e).getBytes(StandardCharsets.UTF_8));
        }
        return at + 2;
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
