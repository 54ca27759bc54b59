package io.ringside.ui.streams;

import io.ringside.core.kafka.ConsumerGroupLag;
import io.ringside.core.kafka.TailRecord;
import io.ringside.core.kafka.TopicInfo;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the Streams screen needs from Kafka, narrowed so the view-model is tested with a fake as
 * well as on the real stack. {@link #topics()} and {@link #groups()} block on the network;
 * {@link #tail} returns at once and calls {@code sink} from a thread of its own.
 */
public interface StreamsGateway {

    List<TopicInfo> topics();

    List<ConsumerGroupLag> groups();

    AutoCloseable tail(List<String> topics, Consumer<TailRecord> sink, Consumer<Exception> failure);
}
