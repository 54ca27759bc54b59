package io.ringside.core.cql;

import io.ringside.core.cql.CqlToken.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts CQL text into tokens. The one place that knows where strings, quoted names, {@code $$}
 * bodies and comments begin and end, so the splitter, the classifier, completion and the editor's
 * highlighting agree on them: a {@code ;} or a {@code DROP} inside a string or after {@code --}
 * is never taken for code.
 */
public final class CqlLexer {

    private CqlLexer() {
    }

    /**
     * Every token of {@code text}, whitespace and comments included.
     *
     * @throws CqlSyntaxException for a string, quoted name, {@code $$} body or block comment left open
     */
    public static List<CqlToken> tokens(String text) {
        return tokens(text, false);
    }

    /**
     * Like {@link #tokens(String)}, but an unterminated piece becomes one token running to the end
     * of the text instead of an error: the editor colours text while it is being typed.
     */
    public static List<CqlToken> lenientTokens(String text) {
        return tokens(text, true);
    }

    private static List<CqlToken> tokens(String text, boolean lenient) {
        List<CqlToken> tokens = new ArrayList<>();
        int i = 0;
        int line = 1;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int start = i;
            Type type;
            if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                type = Type.WHITESPACE;
            } else if ((c == '-' && next(text, i) == '-') || (c == '/' && next(text, i) == '/')) {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
                type = Type.COMMENT;
            } else if (c == '/' && next(text, i) == '*') {
                int close = text.indexOf("*/", i + 2);
                i = close < 0 ? unterminated(text, lenient, "comment /* is never closed", line) : close + 2;
                type = Type.COMMENT;
            } else if (c == '\'' || c == '"') {
                i = quoted(text, i, c, lenient, line);
                type = c == '\'' ? Type.STRING : Type.QUOTED_NAME;
            } else if (c == '$' && next(text, i) == '$') {
                int close = text.indexOf("$$", i + 2);
                i = close < 0 ? unterminated(text, lenient, "string $$ is never closed", line) : close + 2;
                type = Type.DOLLAR_STRING;
            } else if (Character.isLetter(c) || c == '_') {
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                type = Type.WORD;
            } else if (Character.isDigit(c) || (c == '-' && Character.isDigit(next(text, i)) && !afterValue(tokens))) {
                i++;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.'
                        || text.charAt(i) == '-' && isHexOrUuid(text, start, i))) {
                    i++;
                }
                type = Type.NUMBER;
            } else if (c == ';') {
                i++;
                type = Type.SEMICOLON;
            } else {
                i++;
                type = Type.SYMBOL;
            }
            String piece = text.substring(start, i);
            tokens.add(new CqlToken(type, piece, start, line));
            line += newlines(piece);
        }
        return tokens;
    }

    private static int quoted(String text, int open, char quote, boolean lenient, int line) {
        int i = open + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2; // a doubled quote stands for itself
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return unterminated(text, lenient, (quote == '\'' ? "string" : "quoted name") + " opened with " + quote
                + " is never closed", line);
    }

    private static int unterminated(String text, boolean lenient, String what, int line) {
        if (lenient) {
            return text.length();
        }
        throw new CqlSyntaxException(what, line);
    }

    /** A minus right after a value or name is an operator, not a sign. */
    private static boolean afterValue(List<CqlToken> tokens) {
        for (int k = tokens.size() - 1; k >= 0; k--) {
            CqlToken token = tokens.get(k);
            if (token.significant()) {
                return token.type() == Type.WORD || token.type() == Type.NUMBER || token.type() == Type.QUOTED_NAME
                        || token.text().equals(")");
            }
        }
        return false;
    }

    /** Dashes continue a number only in UUID literals (hex digits and dashes). */
    private static boolean isHexOrUuid(String text, int start, int i) {
        for (int k = start; k < i; k++) {
            char c = text.charAt(k);
            if (!(Character.digit(c, 16) >= 0 || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static char next(String text, int i) {
        return i + 1 < text.length() ? text.charAt(i + 1) : '\0';
    }

    private static int newlines(String piece) {
        int count = 0;
        for (int k = 0; k < piece.length(); k++) {
            if (piece.charAt(k) == '\n') {
                count++;
            }
        }
        return count;
    }
}
