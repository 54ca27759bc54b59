package io.ringside.archfixture.cli;

/** Breaks: no product package uses a benchmark; with ImportTimer, no cycle between layers. */
public final class ExportCommand {
    io.ringside.archfixture.bench.ImportTimer timer;
}
