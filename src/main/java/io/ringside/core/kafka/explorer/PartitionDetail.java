package io.ringside.core.kafka.explorer;

import java.util.List;

/**
 * One partition of a topic: its leader (-1 when it has none), replicas and in-sync replicas by
 * broker id, the first and the next offset ({@code endOffset}), and the size of the leader's log
 * on disk (-1 when no broker reported it).
 */
public record PartitionDetail(int partition, int leader, List<Integer> replicas, List<Integer> isr, long startOffset,
                              long endOffset, long sizeBytes) {

    /** Messages held, as the offsets count them (a compacted or transactional log holds fewer). */
    public long messages() {
        return Math.max(0, endOffset - startOffset);
    }

    public boolean underReplicated() {
        return isr.size() < replicas.size();
    }
}
