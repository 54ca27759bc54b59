package io.ringside.ui.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.kafka.BrokerInfo;
import io.ringside.core.kafka.ConsumerGroupLag;
import io.ringside.core.kafka.TopicInfo;
import io.ringside.core.kafka.explorer.PartitionDetail;
import io.ringside.core.kafka.explorer.TopicDetail;
import io.ringside.ui.theme.Tone;
import io.ringside.ui.util.CurrentThreadTaskExecutor;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Streams page's replication view from fixtures (no servers): per topic the under-replicated
 * and offline partitions and the leaders, the broker list with a stopped broker shown down, and
 * both followed by the page's poll, the selected topic's partitions included.
 */
class StreamsReplicationTest {

    /** Three brokers; the cluster as it is before and after broker 2 stops. */
    private static final List<BrokerInfo> ALL_UP = List.of(new BrokerInfo(1, "127.0.0.1:9092", true, true, 0),
            new BrokerInfo(2, "127.0.0.1:9094", true, false, 0), new BrokerInfo(3, "127.0.0.1:9096", true, false, 0));
    private static final List<TopicInfo> IN_SYNC = List.of(
            new TopicInfo("ringside.jobs.progress", 3, 3, -1, 0, 0, 0, List.of(1, 2, 3), List.of(1, 2, 3)));
    private static final List<TopicInfo> BROKER_2_DOWN = List.of(
            new TopicInfo("ringside.jobs.progress", 3, 3, -1, 0, 3, 0, List.of(1, 3, 3), List.of(1, 2, 3)),
            new TopicInfo("single", 1, 1, -1, 0, 0, 1, List.of(-1), List.of(2)));

    @Test
    void aStoppedBrokerShowsDownWithItsPartitionsUnderReplicatedAndLeadersMovedAtTheNextPoll() {
        Cluster cluster = new Cluster();
        cluster.brokers = ALL_UP;
        cluster.topics = IN_SYNC;
        StreamsViewModel viewModel = new StreamsViewModel(cluster.gateway(), new CurrentThreadTaskExecutor());
        viewModel.activate();
        viewModel.selectedTopicProperty().set("ringside.jobs.progress");
        assertEquals("Brokers: 1 up (controller, leads 1) · 2 up (leads 1) · 3 up (leads 1)",
                StreamsViewModel.describeBrokers(viewModel.brokers()));
        assertEquals("in sync", StreamsViewModel.replicationHealth(viewModel.topics().get(0)));
        assertEquals(2, viewModel.topicDetailProperty().get().partitions().get(1).leader());

        cluster.brokers = List.of(ALL_UP.get(0), ALL_UP.get(2));
        cluster.topics = BROKER_2_DOWN;
        viewModel.refreshNow();

        assertEquals("Brokers: 1 up (controller, leads 1) · 2 down · 3 up (leads 2)",
                StreamsViewModel.describeBrokers(viewModel.brokers()));
        assertFalse(viewModel.brokers().get(1).up());
        TopicInfo progress = viewModel.topics().get(0);
        assertEquals("3 under-rep.", StreamsViewModel.replicationHealth(progress));
        assertEquals(Tone.WARN, StreamsViewModel.replicationTone(progress));
        assertEquals(List.of(1, 3), progress.distinctLeaders());
        TopicInfo single = viewModel.topics().get(1);
        assertEquals("1 offline", StreamsViewModel.replicationHealth(single));
        assertEquals(Tone.BAD, StreamsViewModel.replicationTone(single));
        assertEquals("1 partition offline (no leader)", StreamsViewModel.replicationDetail(single));
        TopicInfo both = new TopicInfo("both", 6, 3, -1, 0, 3, 1, List.of(1), List.of(1, 3));
        assertEquals("1 offline", StreamsViewModel.replicationHealth(both),
                "the worst state only, to fit the minimum window; the tooltip says both");
        assertEquals("1 partition offline (no leader), 3 partitions under-replicated (fewer replicas in sync than"
                + " assigned)", StreamsViewModel.replicationDetail(both));
        PartitionDetail moved = viewModel.topicDetailProperty().get().partitions().get(1);
        assertEquals(3, moved.leader(), "the selected topic's partitions follow the poll");
        assertTrue(moved.underReplicated());
        viewModel.deactivate();
    }

    @Test
    void brokersKnownOnlyFromReplicaListsAreListedDown() {
        List<BrokerInfo> merged = BrokerInfo.merge(List.of(ALL_UP.get(0)), BROKER_2_DOWN);
        assertEquals(List.of(new BrokerInfo(1, "127.0.0.1:9092", true, true, 1), new BrokerInfo(2, "", false, false, 0),
                new BrokerInfo(3, "", false, false, 0)), merged);
        assertEquals("", StreamsViewModel.replicationHealth(new TopicInfo("unknown", 1, 1, -1, 0)),
                "no badge when replication was not read");
    }

    /** A gateway answering from fields the test changes between polls; anything else is not expected. */
    private static final class Cluster {
        volatile List<BrokerInfo> brokers = List.of();
        volatile List<TopicInfo> topics = List.of();

        StreamsGateway gateway() {
            return (StreamsGateway) Proxy.newProxyInstance(StreamsGateway.class.getClassLoader(),
                    new Class<?>[] {StreamsGateway.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "topics" -> topics;
                        case "groups" -> List.<ConsumerGroupLag>of();
                        case "brokers" -> brokers;
                        case "overview" -> new io.ringside.core.kafka.StreamsInspector.Overview(topics, brokers);
                        case "readOnly" -> true;
                        case "topicDetail" -> detail((String) args[0]);
                        case "tail" -> (AutoCloseable) () -> { };
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        private TopicDetail detail(String name) {
            TopicInfo topic = topics.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
            List<PartitionDetail> partitions = new java.util.ArrayList<>();
            for (int p = 0; p < topic.partitions(); p++) {
                List<Integer> isr = topic.degraded() ? List.of(1, 3) : List.of(1, 2, 3);
                partitions.add(new PartitionDetail(p, topic.leaders().get(p), List.of(1, 2, 3), isr, 0, 0, 0));
            }
            return new TopicDetail(name, false, partitions, List.of());
        }
    }
}
