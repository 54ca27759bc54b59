package io.ringside.archfixture.ui.cache;

/** Breaks: features independent, and (with JobsView) no cycles. */
public final class CacheView {
    io.ringside.archfixture.ui.jobs.JobsView jobs;
}
