package io.ringside.core.redis;

import java.util.List;

/**
 * Receives a scan's keys a page at a time (about a SCAN COUNT's worth), never concurrently, on a
 * scanner thread: a view-model hands them to its FX batcher, the CLI prints them.
 */
@FunctionalInterface
public interface KeyPageListener {

    void page(List<KeyInfo> keys, ScanProgress progress);
}
