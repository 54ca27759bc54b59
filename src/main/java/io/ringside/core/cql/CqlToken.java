package io.ringside.core.cql;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One lexical piece of CQL text with where it starts ({@code offset} into the text, 1-based
 * {@code line}). Comments and whitespace are tokens too, so an editor can colour every character
 * and the splitter can keep a statement's text exactly as typed.
 */
public record CqlToken(Type type, String text, int offset, int line) {

    public enum Type {
        /** A keyword or unquoted identifier. */
        WORD,
        /** A double-quoted identifier. */
        QUOTED_NAME,
        /** A single-quoted string literal. */
        STRING,
        /** A {@code $$...$$} string (function bodies). */
        DOLLAR_STRING,
        NUMBER,
        /** {@code --}, {@code //} or a block comment. */
        COMMENT,
        WHITESPACE,
        SEMICOLON,
        /** Any other character: operators, brackets, commas, dots. */
        SYMBOL
    }

    /**
     * The index of the first token from {@code from} on that is one of {@code keywords} outside
     * brackets, or {@code tokens.size()} when there is none: where a clause ends, read past the
     * tuples and calls inside it.
     */
    public static int topLevel(List<CqlToken> tokens, int from, String... keywords) {
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            CqlToken token = tokens.get(i);
            if (token.text().equals("(")) {
                depth++;
            } else if (token.text().equals(")")) {
                depth--;
            } else if (depth == 0 && Arrays.stream(keywords).anyMatch(token::is)) {
                return i;
            }
        }
        return tokens.size();
    }

    public int end() {
        return offset + text.length();
    }

    /** Whether the token carries meaning for a statement (not whitespace, not a comment). */
    public boolean significant() {
        return type != Type.WHITESPACE && type != Type.COMMENT;
    }

    /** A word's text upper-cased (keywords compare case-insensitively); other tokens as they are. */
    public String upper() {
        return type == Type.WORD ? text.toUpperCase(Locale.ROOT) : text;
    }

    public boolean is(String keyword) {
        return type == Type.WORD && text.equalsIgnoreCase(keyword);
    }

    /** The name a word or quoted name stands for: unquoted words fold to lower case, as Cassandra does. */
    public String name() {
        if (type == Type.QUOTED_NAME) {
            return text.substring(1, text.length() - 1).replace("\"\"", "\"");
        }
        return text.toLowerCase(Locale.ROOT);
    }
}
