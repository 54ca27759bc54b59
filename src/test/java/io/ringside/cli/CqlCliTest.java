package io.ringside.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.testing.CliRun;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code ringside cql} against the shared stack: scripts, formats, confirmation, exit codes. */
@ExtendWith(SharedStack.class)
class CqlCliTest {

    @Test
    void aScriptRunsInOrderAndStopsAtTheFirstErrorNamingItsLine(TestStack stack, @TempDir Path dir) throws Exception {
        String table = "cql_cli.t_" + UUID.randomUUID().toString().substring(0, 8);
        Path script = dir.resolve("steps.cql");
        Files.writeString(script, String.join("\n",
                "CREATE KEYSPACE IF NOT EXISTS cql_cli",
                "  WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1};",
                "CREATE TABLE " + table + " (k int PRIMARY KEY, v text);",
                "-- two rows; the second value holds a semicolon",
                "INSERT INTO " + table + " (k, v) VALUES (1, 'one');",
                "INSERT INTO " + table + " (k, v) VALUES (2, 'two;too');",
                "/* the mistake */ SELECT * FROM cql_cli.no_such_table;",
                "INSERT INTO " + table + " (k, v) VALUES (3, 'never');"));
        CliRun run = CliRun.in(stack.dataFolder(), "cql", "-f", script.toString());
        assertEquals(ExitCodes.FAILED, run.exitCode(), run.err());
        assertTrue(run.err().contains(script + ": line 7: "), run.err());
        assertTrue(run.err().contains("no_such_table"), run.err());
        assertTrue(run.err().contains("1 later statement(s) not run"), run.err());

        CliRun csv = CliRun.in(stack.dataFolder(), "cql", "SELECT k, v FROM " + table, "--format", "csv");
        assertEquals(0, csv.exitCode(), csv.err());
        List<String> lines = csv.out().lines().sorted().toList();
        assertEquals(List.of("1,one", "2,two;too", "k,v"), lines, "the statements before the error ran, the one after did not");

        CliRun json = CliRun.in(stack.dataFolder(), "cql", "SELECT k, v FROM " + table + " WHERE k = 2",
                "--format", "json", "--consistency", "one");
        assertEquals(0, json.exitCode(), json.err());
        assertEquals("{\"k\":2,\"v\":\"two;too\"}", json.out().strip());
        assertTrue(json.err().contains("1 row in") && json.err().contains("at one"), json.err());

        CliRun table1 = CliRun.in(stack.dataFolder(), "cql", "SELECT k, v FROM " + table + " WHERE k = 1");
        assertEquals(List.of("k | v", "--+----", "1 | one"), table1.out().lines().toList());
    }

    @Test
    void aDestructiveStatementNeedsTheObjectsNameAndUsageErrorsExit2(TestStack stack) {
        String table = "cql_cli.d_" + UUID.randomUUID().toString().substring(0, 8);
        CliRun refused = CliRun.in(stack.dataFolder(), "cql", "DROP TABLE IF EXISTS " + table);
        assertEquals(ExitCodes.FAILED, refused.exitCode());
        assertTrue(refused.err().contains("type '" + table + "' to confirm"), refused.err());
        CliRun wrong = CliRun.in(stack.dataFolder(), "cql", "DROP TABLE IF EXISTS " + table, "--yes-i-mean", "cql_cli");
        assertEquals(ExitCodes.FAILED, wrong.exitCode(), "another object's name does not confirm");

        assertEquals(ExitCodes.USAGE, CliRun.in(stack.dataFolder(), "cql", "SELECT 1", "--consistency", "most").exitCode());
        assertEquals(ExitCodes.USAGE, CliRun.in(stack.dataFolder(), "cql", "SELECT 'open").exitCode());
        assertEquals(ExitCodes.USAGE, CliRun.in(stack.dataFolder(), "cql").exitCode());
    }
}
