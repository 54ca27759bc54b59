package io.ringside.cli;

import io.ringside.core.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: this build and the versions of the drivers and servers it works with. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return BuildInfo.versionLines().toArray(String[]::new);
    }
}
