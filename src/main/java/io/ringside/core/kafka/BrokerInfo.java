package io.ringside.core.kafka;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One broker as the Streams page lists it. Kafka names only the brokers that are up
 * ({@code describeCluster}); a broker that is down is known from the topics' replica lists, so
 * {@link #merge} adds it, down, with no address.
 *
 * @param address          host:port, empty for a broker that is down
 * @param controller       whether {@code describeCluster} names it as the controller
 * @param leaderPartitions partitions of the listed (non-internal) topics it leads
 */
public record BrokerInfo(int id, String address, boolean up, boolean controller, int leaderPartitions) {

    /** The live brokers with the partitions each leads, and the brokers the topics name that are not live. */
    public static List<BrokerInfo> merge(List<BrokerInfo> live, List<TopicInfo> topics) {
        Map<Integer, Integer> leading = new HashMap<>();
        TreeSet<Integer> known = new TreeSet<>();
        for (TopicInfo topic : topics) {
            topic.leaders().stream().filter(id -> id >= 0).forEach(id -> leading.merge(id, 1, Integer::sum));
            known.addAll(topic.brokers());
        }
        List<BrokerInfo> brokers = new ArrayList<>();
        for (BrokerInfo broker : live) {
            brokers.add(new BrokerInfo(broker.id(), broker.address(), true, broker.controller(),
                    leading.getOrDefault(broker.id(), 0)));
            known.remove(broker.id());
        }
        known.forEach(id -> brokers.add(new BrokerInfo(id, "", false, false, 0)));
        brokers.sort(Comparator.comparingInt(BrokerInfo::id));
        return brokers;
    }
}
