package io.ringside.archfixture.bench;

/** A benchmark class that uses the CLI, so cli and bench form a cycle. */
public final class ImportTimer {
    io.ringside.archfixture.cli.ExportCommand command;
}
