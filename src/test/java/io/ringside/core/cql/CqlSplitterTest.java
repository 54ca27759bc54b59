package io.ringside.core.cql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CqlSplitterTest {

    private static List<String> texts(String script) {
        return CqlSplitter.split(script).stream().map(CqlStatement::text).toList();
    }

    @Test
    void cutsAtSemicolonsAndKeepsEachStatementsLine() {
        List<CqlStatement> statements = CqlSplitter.split("SELECT * FROM a;\n\nINSERT INTO b (k) VALUES (1);\n"
                + "  UPDATE c SET v = 1 WHERE k = 2");
        assertEquals(List.of("SELECT * FROM a", "INSERT INTO b (k) VALUES (1)", "UPDATE c SET v = 1 WHERE k = 2"),
                statements.stream().map(CqlStatement::text).toList());
        assertEquals(List.of(1, 3, 4), statements.stream().map(CqlStatement::line).toList());
        assertEquals(List.of("SELECT", "INSERT", "UPDATE"), statements.stream().map(CqlStatement::verb).toList());
    }

    @Test
    void semicolonsInStringsQuotedNamesAndDollarBodiesDoNotCut() {
        assertEquals(List.of("INSERT INTO t (k, v) VALUES (1, 'a;b'';c')", "SELECT \"we;ird\" FROM t"),
                texts("INSERT INTO t (k, v) VALUES (1, 'a;b'';c'); SELECT \"we;ird\" FROM t;"));
        String function = "CREATE FUNCTION ks.f (x int) RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java "
                + "AS $$ int y = x; return y; $$";
        assertEquals(List.of(function, "SELECT 1 FROM t"), texts(function + ";\nSELECT 1 FROM t;"));
    }

    @Test
    void commentsOfEveryKindAreSkippedAndDoNotCut() {
        List<CqlStatement> statements = CqlSplitter.split("-- first; still a comment\n"
                + "// another; one\n"
                + "/* block ;\n spanning ; lines */ SELECT * FROM a -- trailing;\n"
                + "WHERE k = 1;\n"
                + "/* only a comment */");
        assertEquals(1, statements.size());
        assertEquals(4, statements.get(0).line(), "the line of the first keyword, not of the comments");
        assertEquals("SELECT * FROM a -- trailing;\nWHERE k = 1", statements.get(0).text());
    }

    @Test
    void aBatchIsOneStatement() {
        String batch = "BEGIN UNLOGGED BATCH\n  INSERT INTO t (k) VALUES (1);\n  DELETE FROM t WHERE k = 2;\nAPPLY BATCH";
        List<CqlStatement> statements = CqlSplitter.split("SELECT 1 FROM t;\n" + batch + ";\nSELECT 2 FROM t;");
        assertEquals(List.of("SELECT 1 FROM t", batch, "SELECT 2 FROM t"),
                statements.stream().map(CqlStatement::text).toList());
        assertEquals(List.of(1, 2, 6), statements.stream().map(CqlStatement::line).toList());
        assertEquals(1, CqlSplitter.split("begin batch insert into t (k) values (1); apply batch").size());
    }

    @Test
    void emptyStatementsAreDropped() {
        assertEquals(List.of("SELECT 1 FROM t"), texts(";;  ;\nSELECT 1 FROM t;;\n;"));
        assertEquals(List.of(), texts("  -- nothing here\n"));
    }

    @Test
    void unterminatedPiecesNameTheirLine() {
        CqlSyntaxException string = assertThrows(CqlSyntaxException.class,
                () -> CqlSplitter.split("SELECT 1 FROM t;\nINSERT INTO t (k, v) VALUES (1, 'open);"));
        assertEquals(2, string.line());
        assertTrue(string.getMessage().startsWith("line 2: string"), string.getMessage());
        assertEquals(3, assertThrows(CqlSyntaxException.class, () -> CqlSplitter.split("\n\n/* open")).line());
        assertEquals(1, assertThrows(CqlSyntaxException.class, () -> CqlSplitter.split("AS $$ body")).line());
        assertEquals(1, CqlSplitter.splitLenient("SELECT 'open").size(), "lenient for the editor");
    }

    @Test
    void statementAtTheCaret() {
        String script = "SELECT 1 FROM a;\nSELECT 2 FROM b;\n\nSELECT 3 FROM c";
        assertEquals("SELECT 1 FROM a", CqlSplitter.statementAt(script, 3).orElseThrow().text());
        assertEquals("SELECT 1 FROM a", CqlSplitter.statementAt(script, 16).orElseThrow().text(),
                "right after the semicolon");
        assertEquals("SELECT 2 FROM b", CqlSplitter.statementAt(script, 17).orElseThrow().text());
        assertEquals("SELECT 3 FROM c", CqlSplitter.statementAt(script, script.length()).orElseThrow().text());
        assertTrue(CqlSplitter.statementAt(script, 34).isEmpty(), "on the empty line between statements");
    }

    @Test
    void tokensKeepOffsetsAndLines() {
        List<CqlToken> tokens = CqlLexer.tokens("SELECT 'a\nb' -- c\nFROM \"T\"");
        CqlToken from = tokens.stream().filter(t -> t.is("FROM")).findFirst().orElseThrow();
        assertEquals(3, from.line());
        assertEquals("SELECT 'a\nb' -- c\n".length(), from.offset());
        CqlToken quoted = tokens.get(tokens.size() - 1);
        assertEquals(CqlToken.Type.QUOTED_NAME, quoted.type());
        assertEquals("T", quoted.name());
        assertEquals("t", new CqlToken(CqlToken.Type.WORD, "T", 0, 1).name());
    }
}
