package io.ringside.core.kafka.explorer;

import io.ringside.core.NotFoundException;
import io.ringside.core.kafka.KafkaCalls;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteBufferDeserializer;

/**
 * The group-less byte consumer the browser and the search read with (never joining a group, never
 * committing, never creating a topic), with large fetches: a search is a sequential scan, and the
 * broker sends a partition's log in big chunks far faster than in the default 1 MB ones. A fetch
 * of 2 MiB a partition is about two polls of 5,000 records of 200 bytes, so polls drain it soon
 * and the consumer sends the next fetch (its pipelining): the broker works while the filter runs,
 * and a response held whole until polled stays small, which bounds the search's memory. The
 * search holds up to three polled batches at once (see {@link MessageSearch}); with 10,000 records
 * a poll its first search grew the console by up to 98 MB (every batch alive in a young collection
 * is copied, and the console's survivor spaces are small, so they were promoted), with 5,000 by
 * 7-21 MB. A connection's own fetch settings, if it has any, win. Keys and
 * values are handed over as views of the response ({@link ByteBufferDeserializer}), not copied into
 * an array of their own each (a million records of 230 bytes: 230 MB less to allocate and collect);
 * only the kept messages copy theirs.
 */
final class RecordReader implements AutoCloseable {

    final KafkaConsumer<ByteBuffer, ByteBuffer> consumer;

    RecordReader(Map<String, Object> kafkaProperties) {
        Map<String, Object> props = new HashMap<>(kafkaProperties);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteBufferDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteBufferDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) KafkaCalls.TIMEOUT.toMillis());
        props.putIfAbsent(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 16 * 1024 * 1024);
        props.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 2 * 1024 * 1024);
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        props.putIfAbsent(ConsumerConfig.RECEIVE_BUFFER_CONFIG, 2 * 1024 * 1024);
        props.put(ConsumerConfig.CHECK_CRCS_CONFIG, false);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        this.consumer = new KafkaConsumer<>(props);
    }

    /**
     * The partitions of {@code topic} (one when {@code partition} is given).
     *
     * @throws NotFoundException for an unknown topic or partition
     */
    List<TopicPartition> partitions(String topic, Integer partition) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            throw new NotFoundException("No topic named " + topic);
        }
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : infos) {
            if (partition == null || partition == info.partition()) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        if (partitions.isEmpty()) {
            throw new NotFoundException("Topic " + topic + " has no partition " + partition + " (it has "
                    + infos.size() + ")");
        }
        partitions.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
        return partitions;
    }

    Map<TopicPartition, Long> starts(Collection<TopicPartition> partitions) {
        return consumer.beginningOffsets(partitions);
    }

    Map<TopicPartition, Long> ends(Collection<TopicPartition> partitions) {
        return consumer.endOffsets(partitions);
    }

    /**
     * The offset {@code position} names in each partition, within the log: an offset past the end
     * is the end, a time after the last record is the end.
     */
    Map<TopicPartition, Long> resolve(Collection<TopicPartition> partitions, Position position,
                                      Map<TopicPartition, Long> starts, Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        switch (position.kind()) {
            case BEGINNING -> offsets.putAll(starts);
            case END -> offsets.putAll(ends);
            case OFFSET -> partitions.forEach(tp ->
                    offsets.put(tp, Math.max(starts.get(tp), Math.min(ends.get(tp), position.value()))));
            case TIMESTAMP -> {
                Map<TopicPartition, Long> times = new HashMap<>();
                partitions.forEach(tp -> times.put(tp, position.value()));
                Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(times);
                partitions.forEach(tp -> {
                    OffsetAndTimestamp at = found.get(tp);
                    offsets.put(tp, at == null ? ends.get(tp) : at.offset());
                });
            }
        }
        return offsets;
    }

    static KafkaMessage message(ConsumerRecord<ByteBuffer, ByteBuffer> record, int previewBytes) {
        ByteBuffer value = record.value();
        byte[] preview = Bytes.copy(value, previewBytes);
        List<MessageHeader> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new MessageHeader(header.key(), header.value()));
        }
        return new KafkaMessage(record.topic(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                Bytes.copy(record.key(), Integer.MAX_VALUE), preview, value == null ? 0 : value.remaining(),
                List.copyOf(headers));
    }

    @Override
    public void close() {
        consumer.close(java.time.Duration.ofSeconds(1));
    }
}
