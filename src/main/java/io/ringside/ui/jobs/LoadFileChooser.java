package io.ringside.ui.jobs;

import java.nio.file.Path;
import java.util.Optional;

/** Asks the operator for a file to load; the view opens a FileChooser, tests hand in a path. */
@FunctionalInterface
public interface LoadFileChooser {

    Optional<Path> choose();
}
