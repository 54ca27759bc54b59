package io.ringside.ui.about;

import io.ringside.core.BuildInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The About dialog: the same facts as {@code ringside --version} (from {@link BuildInfo}, one
 * source for both) and the data folder this console works in.
 */
public final class AboutViewModel {

    private final List<String> lines;
    private final String dataFolder;

    public AboutViewModel(Path dataFolder) {
        this.lines = List.copyOf(BuildInfo.versionLines());
        this.dataFolder = dataFolder.toAbsolutePath().toString();
    }

    /** Version and build commit first, then JVM, drivers and the servers the local stack starts. */
    public List<String> lines() {
        return lines;
    }

    public String dataFolder() {
        return dataFolder;
    }

    /** Everything as plain text, for the clipboard (bug reports). */
    public String text() {
        List<String> all = new ArrayList<>(lines);
        all.add("Data folder: " + dataFolder);
        return String.join("\n", all);
    }
}
