package io.ringside.core.kafka.explorer;

import java.util.List;

/**
 * The dry run of an offset reset: per partition the committed offset (-1 when the group has none)
 * and where it would go. {@code activeMembers} above zero means the reset would be refused.
 */
public record ResetPlan(String groupId, String topic, OffsetReset reset, List<Move> moves, int activeMembers) {

    public record Move(int partition, long oldOffset, long newOffset) {
        public boolean changes() {
            return oldOffset != newOffset;
        }
    }
}
