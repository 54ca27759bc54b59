package io.ringside.core.cql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.metadata.Metadata;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.TokenMap;
import com.datastax.oss.driver.api.core.metadata.schema.ClusteringOrder;
import com.datastax.oss.driver.api.core.metadata.schema.ColumnMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.internal.core.metadata.schema.DefaultColumnMetadata;
import com.datastax.oss.driver.internal.core.metadata.schema.DefaultKeyspaceMetadata;
import com.datastax.oss.driver.internal.core.metadata.schema.DefaultTableMetadata;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Completion contexts on a schema of 500 tables held as the driver holds it (no server: the
 * driver's metadata classes filled in directly), and its latency there.
 */
class CqlCompletionTest {

    private static final int TABLES = 500;
    private static final Metadata SCHEMA = schema();

    private final CqlCompletion completion = new CqlCompletion(() -> SCHEMA, () -> "wide");

    private List<String> texts(String script) {
        return completion.complete(script, script.length()).texts();
    }

    @Test
    void contexts() {
        assertEquals(List.of("t_42", "t_420", "t_421", "t_422", "t_423", "t_424", "t_425", "t_426", "t_427", "t_428",
                "t_429"), texts("SELECT * FROM wide.t_42"));
        List<String> afterFrom = texts("SELECT * FROM ");
        assertEquals(CqlCompletion.LIMIT, afterFrom.size(), "at most the limit");
        assertEquals(List.of("other", "wide", "t_0", "t_1", "t_10"), afterFrom.subList(0, 5),
                "the keyspaces first (never cut off), then the current keyspace's tables");
        assertEquals(List.of("site", "seq", "sum("), texts("SELECT * FROM wide.t_7 WHERE s").subList(0, 3),
                "key columns first, then functions, then keywords");
        assertEquals(List.of("site", "day", "seq", "c1"), texts("SELECT * FROM t_7 WHERE ").subList(0, 4));
        String before = "SELECT c FROM t_7";
        assertEquals(List.of("c1", "c2", "c3", "c4"), completion.complete(before, 8).texts().subList(0, 4),
                "columns of the table named after the caret");
        assertEquals(List.of("other", "wide"), texts("USE "));
        assertTrue(texts("USE o").contains("other"));
        assertEquals(List.of("SELECT"), texts("SEL"));
        assertEquals(List.of("select"), texts("sel"), "keywords in the case typed");
        assertTrue(texts("SELECT tok").contains("token("), "functions");
        assertEquals("INSERT", texts("SELECT * FROM t; I").get(0), "a new statement starts with keywords");
        assertEquals("\"Mixed\"", texts("SELECT * FROM other.M").get(0), "quoted where it must be");
    }

    @Test
    void answersWellUnder50msOn500Tables() {
        String[] scripts = {"SELECT * FROM ", "SELECT * FROM wide.t_1", "SELECT c FROM t_250", "SEL"};
        double worst = 0;
        for (String script : scripts) {
            int caret = script.startsWith("SELECT c ") ? 8 : script.length();
            for (int i = 0; i < 100; i++) {
                completion.complete(script, caret);
            }
            double[] ms = new double[300];
            for (int i = 0; i < ms.length; i++) {
                long start = System.nanoTime();
                completion.complete(script, caret);
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(ms);
            double p99 = ms[(int) Math.ceil(ms.length * 0.99) - 1];
            System.err.printf("completion '%s': p50 %.3f ms, p99 %.3f ms%n", script, ms[ms.length / 2], p99);
            worst = Math.max(worst, ms[ms.length / 2]);
        }
        // the median: a p99 on a shared CI machine measures its scheduler; bench cql-completion prints the p99
        assertTrue(worst < 50, "median " + worst + " ms");
    }

    private static Metadata schema() {
        Map<CqlIdentifier, KeyspaceMetadata> keyspaces = new LinkedHashMap<>();
        keyspaces.put(id("wide"), keyspace("wide", TABLES, "t_"));
        keyspaces.put(id("other"), keyspace("other", 0, ""));
        KeyspaceMetadata other = keyspaces.get(id("other"));
        Map<CqlIdentifier, TableMetadata> mixed = new LinkedHashMap<>(other.getTables());
        mixed.put(CqlIdentifier.fromInternal("Mixed"), table("other", "Mixed"));
        keyspaces.put(id("other"), new DefaultKeyspaceMetadata(id("other"), true, false, Map.of(), Map.of(), mixed,
                Map.of(), Map.of(), Map.of()));
        return new Metadata() {
            @Override
            public Map<UUID, Node> getNodes() {
                return Map.of();
            }

            @Override
            public Map<CqlIdentifier, KeyspaceMetadata> getKeyspaces() {
                return keyspaces;
            }

            @Override
            public Optional<TokenMap> getTokenMap() {
                return Optional.empty();
            }
        };
    }

    private static KeyspaceMetadata keyspace(String name, int tables, String prefix) {
        Map<CqlIdentifier, TableMetadata> all = new LinkedHashMap<>();
        for (int i = 0; i < tables; i++) {
            all.put(id(prefix + i), table(name, prefix + i));
        }
        return new DefaultKeyspaceMetadata(id(name), true, false, Map.of(), Map.of(), all, Map.of(), Map.of(), Map.of());
    }

    private static TableMetadata table(String keyspace, String name) {
        CqlIdentifier ks = id(keyspace);
        CqlIdentifier table = CqlIdentifier.fromInternal(name);
        ColumnMetadata site = column(ks, table, "site", DataTypes.TEXT);
        ColumnMetadata day = column(ks, table, "day", DataTypes.DATE);
        ColumnMetadata seq = column(ks, table, "seq", DataTypes.INT);
        Map<CqlIdentifier, ColumnMetadata> columns = new LinkedHashMap<>();
        for (ColumnMetadata c : List.of(site, day, seq)) {
            columns.put(c.getName(), c);
        }
        for (int i = 1; i <= 7; i++) {
            ColumnMetadata c = column(ks, table, "c" + i, DataTypes.TEXT);
            columns.put(c.getName(), c);
        }
        return new DefaultTableMetadata(ks, table, UUID.randomUUID(), false, false, List.of(site, day),
                Map.of(seq, ClusteringOrder.ASC), columns, Map.of(), Map.of());
    }

    private static ColumnMetadata column(CqlIdentifier ks, CqlIdentifier table, String name, DataType type) {
        return new DefaultColumnMetadata(ks, table, id(name), type, false);
    }

    private static CqlIdentifier id(String name) {
        return CqlIdentifier.fromInternal(name);
    }
}
