package io.ringside.cli;

import io.ringside.Main;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code ringside console} (also what {@code ringside} alone runs): opens the desktop console. */
@Command(name = "console", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Open the desktop console (starts or attaches to the local stack).")
public final class ConsoleCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        return run(main);
    }

    public int run(Main main) {
        io.ringside.ui.ConsoleLauncher.launch(main.dataFolder(), main.profile());
        return ExitCodes.OK;
    }
}
