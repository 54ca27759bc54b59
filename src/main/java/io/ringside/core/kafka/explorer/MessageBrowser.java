package io.ringside.core.kafka.explorer;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads one page of a topic. Each partition's range is fixed before reading (at most
 * {@code limit} records from the start position forward, or before it backward), so a busy topic
 * never keeps a page open; the page is then merged across partitions in time order.
 */
public final class MessageBrowser {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final Map<String, Object> kafkaProperties;

    MessageBrowser(Map<String, Object> kafkaProperties) {
        this.kafkaProperties = kafkaProperties;
    }

    public List<KafkaMessage> browse(MessageQuery query) {
        try (RecordReader reader = new RecordReader(kafkaProperties)) {
            List<TopicPartition> partitions = reader.partitions(query.topic(), query.partition());
            Map<TopicPartition, Long> starts = reader.starts(partitions);
            Map<TopicPartition, Long> ends = reader.ends(partitions);
            Map<TopicPartition, Long> at = reader.resolve(partitions, query.from(), starts, ends);
            Map<TopicPartition, long[]> ranges = new HashMap<>();
            for (TopicPartition tp : partitions) {
                long position = at.get(tp);
                long from = query.newestFirst() ? Math.max(starts.get(tp), position - query.limit()) : position;
                long to = query.newestFirst() ? position : Math.min(ends.get(tp), position + query.limit());
                if (query.newestFirst() && query.from().kind() == Position.Kind.OFFSET) {
                    // "newest first from offset N" includes N itself
                    to = Math.min(ends.get(tp), position + 1);
                    from = Math.max(starts.get(tp), to - query.limit());
                }
                if (from < to) {
                    ranges.put(tp, new long[] {from, to});
                }
            }
            List<KafkaMessage> page = read(reader, ranges, query.previewBytes());
            Comparator<KafkaMessage> order = Comparator.comparing(KafkaMessage::timestamp)
                    .thenComparingLong(KafkaMessage::offset).thenComparingInt(KafkaMessage::partition);
            page.sort(query.newestFirst() ? order.reversed() : order);
            return List.copyOf(page.subList(0, Math.min(query.limit(), page.size())));
        }
    }

    /** One record whole (up to {@code maxBytes} of its value), e.g. for the detail pane. */
    public KafkaMessage message(String topic, int partition, long offset, int maxBytes) {
        try (RecordReader reader = new RecordReader(kafkaProperties)) {
            TopicPartition tp = reader.partitions(topic, partition).get(0);
            List<KafkaMessage> one = read(reader, Map.of(tp, new long[] {offset, offset + 1}), maxBytes);
            if (one.isEmpty()) {
                throw new io.ringside.core.NotFoundException("No record at offset " + offset + " of " + tp);
            }
            return one.get(0);
        }
    }

    private static List<KafkaMessage> read(RecordReader reader, Map<TopicPartition, long[]> ranges, int previewBytes) {
        List<KafkaMessage> page = new ArrayList<>();
        if (ranges.isEmpty()) {
            return page;
        }
        reader.consumer.assign(ranges.keySet());
        ranges.forEach((tp, range) -> reader.consumer.seek(tp, range[0]));
        Map<TopicPartition, long[]> open = new HashMap<>(ranges);
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            for (ConsumerRecord<ByteBuffer, ByteBuffer> record : reader.consumer.poll(POLL)) {
                TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                long[] range = open.get(tp);
                if (range != null && record.offset() < range[1]) {
                    page.add(RecordReader.message(record, previewBytes));
                }
            }
            open.entrySet().removeIf(e -> {
                boolean done = reader.consumer.position(e.getKey()) >= e.getValue()[1];
                if (done) {
                    reader.consumer.pause(List.of(e.getKey()));
                }
                return done;
            });
        }
        return page;
    }
}
