package io.ringside.core.cql;

import java.util.List;

/**
 * One statement of a script: its text from its first keyword up to (not including) its {@code ;},
 * comments inside it kept, where it starts ({@code offset} into the script, 1-based {@code line})
 * and where it ends, and its significant tokens (a batch's inner {@code ;} included).
 */
public record CqlStatement(String text, int offset, int line, int end, List<CqlToken> tokens) {

    public CqlStatement {
        tokens = List.copyOf(tokens);
    }

    /** The statement's first keyword, upper-cased ({@code SELECT}, {@code BEGIN}, ...). */
    public String verb() {
        return tokens.isEmpty() ? "" : tokens.get(0).upper();
    }

    /** The text on one line with runs of whitespace as one space, for history and audit lines. */
    public String oneLine() {
        return text.replaceAll("\\s+", " ").strip();
    }
}
