package io.ringside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A command line naming a command is built with that command only ({@link Main#run}); these
 * checks fail when a command of the whole tree is not reached that way, or reads differently in
 * its own tree (its usage, its subcommands' usage, its aliases). No server.
 */
class CommandTreeTest {

    @Test
    void everyCommandOfTheWholeTreeIsBuiltAloneAndReadsTheSame() {
        Map<String, CommandLine> whole = Main.commandLine().getSubcommands();
        for (Map.Entry<String, CommandLine> command : whole.entrySet()) {
            String name = command.getKey();
            if (name.equals("help")) {
                assertNull(Main.commandNamed(name), "help reads the whole tree");
                continue;
            }
            CommandLine alone = Main.commandLine("--data", "/d", name, "--some-option");
            assertEquals(List.copyOf(command.getValue().getCommandSpec().names()),
                    List.copyOf(alone.getSubcommands().get(name).getCommandSpec().names()), name);
            assertEquals(1 + command.getValue().getCommandSpec().aliases().length, alone.getSubcommands().size(),
                    name + ": one command (and its aliases) only");
            assertSameUsage(command.getValue(), alone.getSubcommands().get(name));
        }
    }

    @Test
    void helpVersionAndUnknownCommandsTakeTheWholeTree() {
        for (String[] args : List.of(new String[] {}, new String[] {"--help"}, new String[] {"-h", "export"},
                new String[] {"--version"}, new String[] {"help", "export"}, new String[] {"exprot"},
                new String[] {"--profile", "export"}, new String[] {"--", "export"})) {
            assertNull(Main.commandNamed(args), String.join(" ", args));
        }
    }

    @Test
    void theCommandIsFoundAfterTheTopOptionsAndTheirValues() {
        assertEquals(1, Main.commandLine("--data", "stack", "export", "table").getSubcommands().size());
        assertEquals("export", Main.commandLine("--data", "stack", "export", "table").getSubcommands().keySet().iterator().next());
        assertEquals("export", Main.commandLine("--data=/d", "--profile=p", "export").getSubcommands().keySet().iterator().next());
    }

    private static void assertSameUsage(CommandLine whole, CommandLine alone) {
        assertEquals(whole.getUsageMessage(), alone.getUsageMessage(), whole.getCommandSpec().qualifiedName());
        assertEquals(whole.getSubcommands().keySet(), alone.getSubcommands().keySet(), whole.getCommandSpec().qualifiedName());
        for (String sub : whole.getSubcommands().keySet()) {
            assertSameUsage(whole.getSubcommands().get(sub), alone.getSubcommands().get(sub));
        }
    }
}
