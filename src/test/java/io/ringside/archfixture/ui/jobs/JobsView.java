package io.ringside.archfixture.ui.jobs;

/** The other half of the cycle with CacheView. */
public final class JobsView {
    io.ringside.archfixture.ui.cache.CacheView cache;
}
