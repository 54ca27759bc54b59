package io.ringside.core.cql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import io.ringside.core.cassandra.Cell;
import io.ringside.core.connect.Profiles;
import io.ringside.core.connect.ReadOnlyProfileException;
import io.ringside.core.connect.SecretPrompt;
import io.ringside.core.connect.SessionSecretStore;
import io.ringside.core.profile.ProfileServices;
import io.ringside.testing.AuditEvents;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The workbench against the real shared stack, through a profile's own services as the console holds them. */
@ExtendWith(SharedStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CqlWorkbenchTest {

    static final String KEYSPACE = "cql_test";
    static final int SEEDED_ROWS = 47;

    private ProfileServices admin;
    private ProfileServices watcher;

    @BeforeAll
    void seed(TestStack stack, @TempDir Path data) {
        try (CqlSession session = stack.cql()) {
            seed(session);
        }
        admin = new ProfileServices(Profiles.of("cql-admin", stack.state(), false), data,
                new SessionSecretStore(SecretPrompt.NONE));
        watcher = new ProfileServices(Profiles.of("cql-watch", stack.state(), true), data,
                new SessionSecretStore(SecretPrompt.NONE));
    }

    private static void seed(CqlSession session) {
        session.execute("CREATE KEYSPACE IF NOT EXISTS " + KEYSPACE
                + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        session.execute("CREATE TABLE IF NOT EXISTS " + KEYSPACE + ".seeded (bucket int, seq int, note text, "
                + "payload blob, PRIMARY KEY ((bucket), seq))");
        for (int i = 0; i < SEEDED_ROWS; i++) {
            session.execute("INSERT INTO " + KEYSPACE + ".seeded (bucket, seq, note, payload) VALUES (" + (i % 3)
                    + ", " + i + ", 'n" + i + "', 0x" + "ab".repeat(100) + ")");
        }
    }

    @AfterAll
    void close() {
        admin.close();
        watcher.close();
    }

    private static CqlStatement one(String cql) {
        List<CqlStatement> statements = CqlSplitter.split(cql);
        assertEquals(1, statements.size(), cql);
        return statements.get(0);
    }

    private static CqlRequest request(String cql) {
        return CqlRequest.of(one(cql));
    }

    @Test
    void pagingFetchesEveryRowOfTheTableExactlyOnce() {
        CqlWorkbench cql = admin.cql();
        CqlRequest request = request("SELECT bucket, seq, payload FROM " + KEYSPACE + ".seeded").withPageSize(10)
                .withConsistency("ONE");
        List<Integer> seen = new ArrayList<>();
        int pages = 0;
        ByteBuffer next = null;
        do {
            CqlResult page = cql.run(request.nextPage(next));
            pages++;
            assertTrue(page.rows().size() <= 10, "a page holds at most its page size");
            assertEquals(List.of("bucket", "seq", "payload"), page.columns());
            for (List<Cell> row : page.rows()) {
                seen.add(Integer.parseInt(row.get(1).shown()));
                Cell payload = row.get(2);
                assertEquals(Cell.Kind.BLOB, payload.kind());
                assertEquals(100, payload.bytes());
                assertTrue(payload.shown().contains("ab ab") && payload.shown().endsWith("…"), payload.shown());
            }
            next = page.next();
        } while (next != null);
        assertEquals(SEEDED_ROWS, seen.size(), "every row once: " + seen);
        assertEquals(SEEDED_ROWS, new HashSet<>(seen).size(), "no row twice: " + seen);
        assertTrue(pages >= 5, "paged by the driver's paging state, " + pages + " pages");
    }

    @Test
    void aTracedQueryShowsTheNodesTraceEvents(TestStack stack) {
        CqlResult traced = admin.cql().run(request("SELECT * FROM " + KEYSPACE + ".seeded WHERE bucket = 1")
                .withTrace(true));
        assertFalse(traced.trace().isEmpty(), "trace events");
        String node = stack.state().cassandra().nodes().get(0).address();
        assertTrue(traced.trace().stream().anyMatch(e -> e.source().equals(node)), traced.trace().toString());
        assertTrue(traced.trace().stream().allMatch(e -> e.elapsedMicros() >= 0 && !e.activity().isBlank()));
        assertTrue(admin.cql().run(request("SELECT * FROM " + KEYSPACE + ".seeded WHERE bucket = 1"))
                .trace().isEmpty(), "no trace unless asked");
    }

    @Test
    void aReadOnlyProfileRefusesAllButReadsAndAuditsTheRefusal(TestStack stack) throws Exception {
        CqlWorkbench cql = watcher.cql();
        String marker = UUID.randomUUID().toString();
        assertThrows(ReadOnlyProfileException.class, () -> cql.run(request("INSERT INTO " + KEYSPACE
                + ".seeded (bucket, seq, note) VALUES (9, 9, '" + marker + "')")));
        assertThrows(ReadOnlyProfileException.class, () -> cql.run(request("-- only looking\n/* really */ DROP TABLE "
                + KEYSPACE + ".seeded")));
        assertThrows(ReadOnlyProfileException.class, () -> cql.run(request("BEGIN BATCH INSERT INTO " + KEYSPACE
                + ".seeded (bucket, seq) VALUES (9, 10); APPLY BATCH")));
        assertEquals(SEEDED_ROWS, Integer.parseInt(cql.run(request("SELECT count(*) FROM " + KEYSPACE + ".seeded"))
                .rows().get(0).get(0).shown()), "the SELECT runs, and nothing was written or dropped");
        JsonNode refused = AuditEvents.await(stack, e -> "cql.write".equals(e.path("action").asText())
                && e.path("target").asText().contains(marker));
        assertEquals("cql-watch", refused.path("profile").asText());
        assertTrue(refused.path("outcome").asText().startsWith("refused:"), refused.toString());
    }

    @Test
    void dropWithoutConfirmationDoesNothingAndTheConfirmedDropIsAudited(TestStack stack) throws Exception {
        String table = "doomed_" + UUID.randomUUID().toString().substring(0, 8).replace('-', '_');
        CqlWorkbench cql = admin.cql();
        cql.run(request("CREATE TABLE " + KEYSPACE + "." + table + " (k int PRIMARY KEY)"));
        CqlRequest drop = request("DROP TABLE " + KEYSPACE + "." + table);
        ConfirmationRequiredException refused = assertThrows(ConfirmationRequiredException.class, () -> cql.run(drop));
        assertTrue(refused.getMessage().contains("'" + KEYSPACE + "." + table + "'"), refused.getMessage());
        assertThrows(ConfirmationRequiredException.class, () -> cql.run(drop.confirmedWith(table)));
        assertTrue(exists(table), "the unconfirmed DROP left the table");

        cql.run(drop.confirmedWith(KEYSPACE + "." + table));
        assertFalse(exists(table), "the confirmed DROP dropped it");
        JsonNode dropped = AuditEvents.await(stack, e -> "cql.destructive".equals(e.path("action").asText())
                && e.path("target").asText().contains(table) && "ok".equals(e.path("outcome").asText()));
        assertEquals("cql-admin", dropped.path("profile").asText());
        AuditEvents.await(stack, e -> "cql.schema".equals(e.path("action").asText())
                && e.path("target").asText().contains("CREATE TABLE " + KEYSPACE + "." + table));
    }

    @Test
    void completionListsTheColumnsOfARealTable() {
        CqlCompletion completion = admin.cql().completion();
        String script = "SELECT  FROM " + KEYSPACE + ".seeded";
        assertEquals(List.of("bucket", "seq", "note", "payload"), completion.complete(script, 7).candidates().stream()
                .filter(c -> c.kind() == Completion.Kind.COLUMN).map(Completion::text).toList());
        String where = "SELECT * FROM " + KEYSPACE + ".seeded WHERE se";
        assertEquals("seq", completion.complete(where, where.length()).texts().get(0));
        String from = "SELECT * FROM " + KEYSPACE + ".se";
        assertEquals(List.of("seeded"), completion.complete(from, from.length()).texts());
        assertTrue(completion.complete("SELECT * FROM cql_", 18).texts().contains(KEYSPACE));
    }

    @Test
    void useSetsTheWorkbenchKeyspaceNotTheSharedSession() {
        CqlWorkbench cql = new CqlWorkbench(() -> admin.backends().cql(), admin::accessGuard, () -> {
            throw new AssertionError("reads are not audited");
        });
        assertEquals("now using keyspace " + KEYSPACE, cql.run(request("USE " + KEYSPACE)).note());
        assertEquals(KEYSPACE, cql.keyspace());
        assertEquals(SEEDED_ROWS, cql.run(request("SELECT seq FROM seeded").withPageSize(100)).rows().size());
        assertTrue(admin.backends().cql().getKeyspace().isEmpty(), "the shared session keeps no keyspace");
        assertEquals(Set.of("seq"), Set.copyOf(cql.completion().complete("SELECT s FROM seeded", 8).candidates()
                .stream().filter(c -> c.kind() == Completion.Kind.COLUMN).map(Completion::text).toList()));
        assertNull(admin.cql().keyspace(), "each workbench has its own");
    }

    private boolean exists(String table) {
        return admin.backends().cql().execute("SELECT table_name FROM system_schema.tables WHERE keyspace_name = ? AND table_name = ?",
                KEYSPACE, table).one() != null;
    }
}
