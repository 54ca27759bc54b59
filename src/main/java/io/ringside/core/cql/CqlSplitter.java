package io.ringside.core.cql;

import io.ringside.core.cql.CqlToken.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cuts a script into statements at the {@code ;} that end them, never at one inside a string,
 * a quoted name, a {@code $$} body or a comment, and keeps {@code BEGIN ... BATCH ... APPLY BATCH}
 * whole although its inner statements end with {@code ;} too. A comment before a statement belongs
 * to no statement, so a statement's line is that of its first keyword.
 */
public final class CqlSplitter {

    private CqlSplitter() {
    }

    /**
     * @throws CqlSyntaxException for a string or comment left open, naming its line
     */
    public static List<CqlStatement> split(String script) {
        return split(CqlLexer.tokens(script), script);
    }

    /** Like {@link #split(String)} but never fails: for an editor's text while it is typed. */
    public static List<CqlStatement> splitLenient(String script) {
        return split(CqlLexer.lenientTokens(script), script);
    }

    /**
     * The statement the caret is in or right after (a caret after the last {@code ;} of a line
     * still means the statement before it, as cqlsh users expect); empty when there is none.
     */
    public static Optional<CqlStatement> statementAt(String script, int caret) {
        List<CqlStatement> statements = splitLenient(script);
        CqlStatement before = null;
        for (CqlStatement statement : statements) {
            if (caret < statement.offset()) {
                break;
            }
            if (caret <= statement.end()) {
                return Optional.of(statement);
            }
            before = statement;
        }
        if (before != null && !script.substring(before.end(), Math.min(caret, script.length())).contains("\n")) {
            return Optional.of(before);
        }
        return Optional.empty();
    }

    private static List<CqlStatement> split(List<CqlToken> tokens, String script) {
        List<CqlStatement> statements = new ArrayList<>();
        List<CqlToken> current = new ArrayList<>();
        boolean inBatch = false;
        for (CqlToken token : tokens) {
            if (!token.significant()) {
                continue;
            }
            if (token.type() == Type.SEMICOLON) {
                if (inBatch && !endsApplyBatch(current)) {
                    current.add(token);
                    continue;
                }
                if (!current.isEmpty()) {
                    statements.add(statement(current, script));
                }
                current = new ArrayList<>();
                inBatch = false;
                continue;
            }
            if (current.isEmpty() && token.is("BEGIN")) {
                inBatch = true;
            }
            current.add(token);
        }
        if (!current.isEmpty()) {
            statements.add(statement(current, script));
        }
        return statements;
    }

    private static boolean endsApplyBatch(List<CqlToken> tokens) {
        int n = tokens.size();
        return n >= 2 && tokens.get(n - 2).is("APPLY") && tokens.get(n - 1).is("BATCH");
    }

    private static CqlStatement statement(List<CqlToken> tokens, String script) {
        CqlToken first = tokens.get(0);
        CqlToken last = tokens.get(tokens.size() - 1);
        return new CqlStatement(script.substring(first.offset(), last.end()), first.offset(), first.line(),
                last.end(), tokens);
    }
}
