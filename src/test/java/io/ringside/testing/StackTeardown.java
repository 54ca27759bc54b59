package io.ringside.testing;

import io.ringside.core.stack.StackSupervisor;
import java.nio.file.Path;

/** The end of a test class that ran a stack of its own. */
public final class StackTeardown {

    private StackTeardown() {
    }

    /**
     * Stops the stack's servers (when it got as far as a supervisor), then removes the test's
     * folders even if stopping failed: a leftover data folder of a few hundred MB per run would
     * fill a CI disk.
     */
    public static void stopAndDelete(StackSupervisor supervisor, Path... folders) {
        try {
            if (supervisor != null) {
                supervisor.close();
            }
        } finally {
            for (Path folder : folders) {
                TempFolders.deleteQuietly(folder);
            }
        }
    }
}
