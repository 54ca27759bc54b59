package io.ringside.core.cql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CqlClassifierTest {

    /** readings: PRIMARY KEY ((site, day), seq), in any keyspace. */
    private final CqlClassifier classifier = new CqlClassifier((keyspace, table) -> table.equals("readings")
            ? Optional.of(List.of("site", "day", "seq")) : Optional.empty());

    private Classification classify(String cql) {
        List<CqlStatement> statements = CqlSplitter.split(cql);
        assertEquals(1, statements.size(), cql);
        return classifier.classify(statements.get(0));
    }

    private StatementKind kind(String cql) {
        return classify(cql).kind();
    }

    @Test
    void reads() {
        assertEquals(StatementKind.READ, kind("SELECT * FROM ks.readings WHERE site = 'DROP TABLE x'"));
        assertEquals(StatementKind.READ, kind("select count(*) from readings"));
        assertEquals(StatementKind.READ, kind("DESCRIBE KEYSPACES"));
        assertEquals(StatementKind.READ, kind("DESC TABLE ks.readings"));
        assertEquals(StatementKind.READ, kind("LIST ROLES"));
        assertEquals(StatementKind.READ, kind("USE ks"));
        assertEquals(StatementKind.READ, kind("/* DROP TABLE x; */ SELECT 1 FROM t"));
    }

    @Test
    void writes() {
        Classification insert = classify("INSERT INTO ks.readings (site, day, seq) VALUES ('a', 1, 2)");
        assertEquals(StatementKind.WRITE, insert.kind());
        assertEquals("ks.readings", insert.target());
        assertEquals(StatementKind.WRITE, kind("UPDATE readings SET note = 'x' WHERE site = 'a' AND day = 1 AND seq = 2"));
        assertEquals(StatementKind.WRITE, kind("insert into t (k, v) values (1, 'TRUNCATE t') IF NOT EXISTS"));
    }

    @Test
    void deleteWithTheWholePrimaryKeyIsAWrite() {
        assertEquals(StatementKind.WRITE, kind("DELETE FROM ks.readings WHERE site = 'a' AND day = 1 AND seq = 2"));
        assertEquals(StatementKind.WRITE, kind("DELETE note FROM readings WHERE site='a' AND day=1 AND seq IN (1, 2)"));
        assertEquals(StatementKind.WRITE, kind("DELETE FROM readings USING TIMESTAMP 5 WHERE (site, day) = ('a', 1) "
                + "AND seq = 3 IF EXISTS"));
        assertEquals(StatementKind.WRITE, kind("DELETE FROM \"readings\" WHERE \"site\" = 'a' AND DAY = 1 AND seq = 3"));
    }

    @Test
    void deleteWithoutTheWholePrimaryKeyIsDestructive() {
        Classification partition = classify("DELETE FROM ks.readings WHERE site = 'a' AND day = 1");
        assertEquals(StatementKind.DESTRUCTIVE, partition.kind());
        assertEquals("ks.readings", partition.target());
        assertTrue(partition.reason().contains("seq"), partition.reason());
        assertEquals(StatementKind.DESTRUCTIVE, kind("DELETE FROM readings WHERE site = 'a' AND day = 1 AND seq > 3"));
        assertEquals(StatementKind.DESTRUCTIVE, kind("DELETE FROM readings WHERE site = 'a' AND day = 1 AND seq <= 3"));
        assertEquals(StatementKind.DESTRUCTIVE, kind("DELETE FROM readings WHERE site = 'a' AND day = 1 "
                + "IF seq = 3"), "a condition is not a key");
        assertEquals(StatementKind.DESTRUCTIVE, kind("DELETE FROM unknown WHERE k = 1"), "unknown table: safe side");
        assertEquals(StatementKind.DESTRUCTIVE, kind("DELETE FROM readings"));
    }

    @Test
    void dropTruncateAndAlterDropAreDestructive() {
        Classification drop = classify("DROP TABLE IF EXISTS ks.readings");
        assertEquals(StatementKind.DESTRUCTIVE, drop.kind());
        assertEquals("DROP TABLE", drop.verb());
        assertEquals("ks.readings", drop.target());
        assertEquals("ks", classify("drop keyspace ks").target());
        assertEquals("ks.v", classify("DROP MATERIALIZED VIEW ks.v").target());
        assertEquals("DROP MATERIALIZED VIEW", classify("DROP MATERIALIZED VIEW ks.v").verb());
        assertEquals("My", classify("DROP TABLE \"My\"").target());
        Classification truncate = classify("TRUNCATE TABLE ks.readings");
        assertEquals(StatementKind.DESTRUCTIVE, truncate.kind());
        assertEquals("ks.readings", truncate.target());
        assertEquals("ks.readings", classify("truncate ks.readings").target());
        Classification alter = classify("ALTER TABLE ks.readings DROP note");
        assertEquals(StatementKind.DESTRUCTIVE, alter.kind());
        assertEquals("ks.readings", alter.target());
        assertEquals(StatementKind.SCHEMA, kind("ALTER TABLE ks.readings ADD extra int"));
    }

    @Test
    void dropHiddenAfterACommentIsStillFound() {
        assertEquals(StatementKind.DESTRUCTIVE, kind("-- just a look\n/* harmless */ DROP TABLE ks.readings"));
        assertEquals(StatementKind.DESTRUCTIVE, kind("// select\nTRUNCATE ks.readings"));
    }

    @Test
    void schemaChanges() {
        assertEquals(StatementKind.SCHEMA, kind("CREATE TABLE ks.t (k int PRIMARY KEY)"));
        assertEquals(StatementKind.SCHEMA, kind("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy'}"));
        assertEquals(StatementKind.SCHEMA, kind("GRANT SELECT ON ks.t TO r"));
        assertEquals(StatementKind.SCHEMA, kind("REVOKE SELECT ON ks.t FROM r"));
        assertEquals(StatementKind.SCHEMA, kind("CREATE FUNCTION f (x int) CALLED ON NULL INPUT RETURNS int "
                + "LANGUAGE java AS $$ return x; $$"));
        Classification unknown = classify("FROBNICATE everything");
        assertEquals(StatementKind.SCHEMA, unknown.kind(), "anything unknown is not a read");
    }

    @Test
    void batchesAreAsDangerousAsTheirWorstStatement() {
        assertEquals(StatementKind.WRITE, kind("BEGIN BATCH INSERT INTO t (k) VALUES (1); "
                + "UPDATE t SET v = 1 WHERE k = 2; APPLY BATCH"));
        assertEquals(StatementKind.WRITE, kind("BEGIN UNLOGGED BATCH USING TIMESTAMP 3 "
                + "DELETE FROM readings WHERE site = 'a' AND day = 1 AND seq = 2; APPLY BATCH"));
        Classification wide = classify("BEGIN BATCH INSERT INTO t (k) VALUES (1); "
                + "DELETE FROM ks.readings WHERE site = 'a' AND day = 1; APPLY BATCH");
        assertEquals(StatementKind.DESTRUCTIVE, wide.kind());
        assertEquals("ks.readings", wide.target());
        assertTrue(wide.verb().startsWith("BATCH with DELETE"), wide.verb());
    }

    @Test
    void confirmationIsTheObjectName() {
        Classification drop = classify("DROP TABLE ks.readings");
        assertFalse(drop.confirmedBy(null));
        assertFalse(drop.confirmedBy("readings"));
        assertFalse(drop.confirmedBy("yes"));
        assertTrue(drop.confirmedBy(" KS.Readings "));
        assertTrue(drop.confirmationPrompt().contains("'ks.readings'"), drop.confirmationPrompt());
        assertTrue(classify("SELECT 1 FROM t").confirmedBy(null));
    }
}
