package io.ringside.core.kafka.explorer;

import io.ringside.core.NotFoundException;
import io.ringside.core.RingsideException;
import io.ringside.core.kafka.AuditTarget;
import io.ringside.core.kafka.KafkaCalls;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer group's members and the two changes an operator makes to a group: moving its
 * committed offsets (a dry run shows old and new offsets per partition first) and deleting it.
 * Both are refused while the group has active members, since a running consumer would overwrite
 * the moved offsets with its own, and both are guarded and audited ({@code kafka.group.*}).
 */
public final class GroupAdmin {

    private final Admin admin;
    private final AdminActions actions;

    GroupAdmin(Admin admin, AdminActions actions) {
        this.admin = admin;
        this.actions = actions;
    }

    /** @throws NotFoundException when Kafka knows no such group */
    public List<GroupMember> members(String groupId) {
        List<GroupMember> members = new ArrayList<>();
        for (MemberDescription member : describe(groupId).members()) {
            List<String> assigned = member.assignment().topicPartitions().stream()
                    .sorted(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition))
                    .map(TopicPartition::toString).toList();
            members.add(new GroupMember(member.consumerId(), member.clientId(), member.host(), assigned));
        }
        return members;
    }

    private ConsumerGroupDescription describe(String groupId) {
        ConsumerGroupDescription group = KafkaCalls.get(admin.describeConsumerGroups(List.of(groupId)).all()).get(groupId);
        if (group == null || group.groupState() == GroupState.DEAD) {
            throw new NotFoundException("No consumer group named " + groupId);
        }
        return group;
    }

    /** The dry run: changes nothing. */
    public ResetPlan planReset(String groupId, String topic, OffsetReset reset) {
        int active = describe(groupId).members().size();
        TopicDescription description = KafkaCalls.get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
        List<TopicPartition> partitions = description.partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, OffsetAndMetadata> committed = KafkaCalls.get(
                admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata());
        Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> atTime = reset.kind() == OffsetReset.Kind.TIMESTAMP
                ? offsets(partitions, OffsetSpec.forTimestamp(reset.value())) : Map.of();
        List<ResetPlan.Move> moves = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata old = committed.get(tp);
            long oldOffset = old == null ? -1 : old.offset();
            long start = starts.get(tp);
            long end = ends.get(tp);
            long target = switch (reset.kind()) {
                case EARLIEST -> start;
                case LATEST -> end;
                case TIMESTAMP -> atTime.getOrDefault(tp, -1L) < 0 ? end : atTime.get(tp);
                case OFFSET -> reset.value();
                case SHIFT -> (oldOffset < 0 ? start : oldOffset) + reset.value();
            };
            moves.add(new ResetPlan.Move(tp.partition(), oldOffset, Math.max(start, Math.min(end, target))));
        }
        moves.sort(Comparator.comparingInt(ResetPlan.Move::partition));
        return new ResetPlan(groupId, topic, reset, moves, active);
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
        return KafkaCalls.offsets(admin, partitions, spec);
    }

    /**
     * Plans the reset again (offsets may have moved since a preview) and commits the new offsets.
     *
     * @return the plan that was applied
     * @throws RingsideException while the group has active members
     */
    public ResetPlan resetOffsets(String groupId, String topic, OffsetReset reset) {
        String target = groupId + " on " + topic + " to " + reset.describe();
        return actions.run("kafka.group.reset-offsets", target, "reset offsets of group " + groupId, () -> {
            ResetPlan plan = planReset(groupId, topic, reset);
            refuseWhileActive(groupId, plan.activeMembers(), "reset its offsets");
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            plan.moves().forEach(m -> offsets.put(new TopicPartition(topic, m.partition()),
                    new OffsetAndMetadata(m.newOffset())));
            KafkaCalls.get(admin.alterConsumerGroupOffsets(groupId, offsets).all());
            return plan;
        }, plan -> plan.moves().stream().filter(ResetPlan.Move::changes).count());
    }

    /** Deletes the group and its committed offsets. */
    public void delete(String groupId) {
        actions.run("kafka.group.delete", AuditTarget.cut(groupId, AuditTarget.LIST_CHARS), "delete group " + groupId, () -> {
            refuseWhileActive(groupId, describe(groupId).members().size(), "delete it");
            KafkaCalls.get(admin.deleteConsumerGroups(List.of(groupId)).all());
            return 1;
        }, count -> count);
    }

    private static void refuseWhileActive(String groupId, int members, String what) {
        if (members > 0) {
            throw new RingsideException("Consumer group " + groupId + " has " + members
                    + " active member(s); stop its consumers before you " + what);
        }
    }
}
