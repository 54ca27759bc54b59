package io.ringside.core.kafka.explorer;

import java.util.List;

/** A member of a consumer group and the partitions assigned to it, as {@code topic-partition}. */
public record GroupMember(String memberId, String clientId, String host, List<String> assignments) {
}
