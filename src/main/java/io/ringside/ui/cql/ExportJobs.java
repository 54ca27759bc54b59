package io.ringside.ui.cql;

import io.ringside.core.jobs.ExportTableOptions;
import java.util.function.Consumer;

/**
 * Where the CQL page's Export… hands its request: the console submits it as an {@code export-table}
 * job the way the Jobs page submits a load (same gateway, same read-only rule and audit), so the
 * job shows on the Jobs page with its progress. Called on the FX thread; {@code done} runs on the
 * FX thread with null once the request is on its way, or with why not.
 */
@FunctionalInterface
public interface ExportJobs {

    /** Without a Jobs page (the page alone, in tests): every export is refused. */
    ExportJobs NONE = (options, done) -> done.accept(new IllegalStateException("exports run as jobs, and no jobs "
            + "gateway is open"));

    void submit(ExportTableOptions options, Consumer<Exception> done);
}
