package io.ringside.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ringside.Main;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A command's line in its parent's list ({@code ringside --help}, {@code ringside bench --help})
 * is the first line of its description: it must be a whole sentence. Descriptions wrapped by hand
 * into several lines showed there as cut fragments ("messages (end minus start offsets),").
 */
class HelpSummaryTest {

    @Test
    void everyCommandsSummaryIsAWholeSentence() {
        LinkedHashSet<String> cut = new LinkedHashSet<>();
        collect(Main.commandLine(), cut);
        assertEquals(List.of(), new ArrayList<>(cut), "summaries that stop mid-sentence");
    }

    /**
     * The inherited {@code --data} option is printed in every command's help, in a column whose
     * width depends on the command's other options: its default folder was broken as "~/." and
     * "local/share/ringside" on two lines where the column was narrow ({@code ringside console --help}).
     */
    @Test
    void theDataFoldersDefaultIsNeverBrokenInAnyCommandsHelp() {
        LinkedHashSet<String> broken = new LinkedHashSet<>();
        walk(Main.commandLine(), command -> {
            String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            if (usage.contains("--data") && !usage.contains("~/.local/share/ringside")) {
                broken.add(command.getCommandSpec().qualifiedName());
            }
        });
        assertEquals(List.of(), new ArrayList<>(broken), "help that breaks ~/.local/share/ringside");
    }

    private static void walk(CommandLine command, java.util.function.Consumer<CommandLine> each) {
        each.accept(command);
        for (CommandLine sub : command.getSubcommands().values()) {
            walk(sub, each);
        }
    }

    private static void collect(CommandLine command, LinkedHashSet<String> cut) {
        for (CommandLine sub : command.getSubcommands().values()) {
            if (sub.getCommandSpec().usageMessage().hidden() || sub.getCommandName().equals("help")) {
                continue;
            }
            String summary = summary(sub.getCommandSpec());
            if (!summary.endsWith(".")) {
                cut.add(sub.getCommandSpec().qualifiedName() + ": " + summary);
            }
            collect(sub, cut);
        }
    }

    /** What picocli lists for a command: its header, else the first line of its description. */
    private static String summary(CommandLine.Model.CommandSpec spec) {
        String[] header = spec.usageMessage().header();
        String[] description = spec.usageMessage().description();
        String first = header.length > 0 ? header[0] : description.length > 0 ? description[0] : "";
        return first.strip();
    }
}
