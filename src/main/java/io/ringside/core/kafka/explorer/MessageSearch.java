package io.ringside.core.kafka.explorer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * One streaming search: matches are handed to the caller as they are found, the counters at most
 * every {@link #PROGRESS_EVERY}; memory stays bounded because only the first {@code keep} matches
 * are ever built into messages. {@link #cancel()} may come from any thread and ends the search
 * within one poll.
 */
public final class MessageSearch {

    public static final Duration PROGRESS_EVERY = Duration.ofMillis(100);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> kafkaProperties;
    private final SearchQuery query;
    private volatile boolean cancelled;
    private volatile RecordReader reader;

    MessageSearch(Map<String, Object> kafkaProperties, SearchQuery query) {
        this.kafkaProperties = kafkaProperties;
        this.query = query;
    }

    public SearchQuery query() {
        return query;
    }

    public void cancel() {
        cancelled = true;
        RecordReader open = reader;
        if (open != null) {
            open.consumer.wakeup();
        }
    }

    /** Runs the search on the calling thread; returns when it is done, cancelled or at the limit. */
    public SearchResult run(Consumer<KafkaMessage> matches, Consumer<SearchProgress> progress) {
        long started = System.nanoTime();
        long scanned = 0;
        long matched = 0;
        int kept = 0;
        long total = 0;
        Duration firstMatch = null;
        boolean atLimit = false;
        try (RecordReader open = new RecordReader(kafkaProperties)) {
            reader = open;
            if (cancelled) {
                return result(0, 0, 0, 0, started, null, false);
            }
            List<TopicPartition> partitions = open.partitions(query.topic(), query.partition());
            Map<TopicPartition, Long> starts = open.starts(partitions);
            Map<TopicPartition, Long> ends = open.ends(partitions);
            Map<TopicPartition, Long> from = open.resolve(partitions, query.from(), starts, ends);
            Map<TopicPartition, Long> to = stops(open, partitions, starts, ends);
            Map<TopicPartition, Long> stop = new HashMap<>();
            for (TopicPartition tp : partitions) {
                if (from.get(tp) < to.get(tp)) {
                    stop.put(tp, to.get(tp));
                    total += to.get(tp) - from.get(tp);
                }
            }
            open.consumer.assign(stop.keySet());
            stop.keySet().forEach(tp -> open.consumer.seek(tp, from.get(tp)));
            long nextReport = 0;
            while (!stop.isEmpty() && !cancelled && !atLimit) {
                ConsumerRecords<byte[], byte[]> batch = open.consumer.poll(POLL);
                for (TopicPartition tp : batch.partitions()) {
                    long end = stop.getOrDefault(tp, -1L);
                    for (ConsumerRecord<byte[], byte[]> record : batch.records(tp)) {
                        if (record.offset() >= end || cancelled) {
                            break;
                        }
                        scanned++;
                        if (!query.filter().test(record)) {
                            continue;
                        }
                        matched++;
                        if (kept < query.keep()) {
                            kept++;
                            if (firstMatch == null) {
                                firstMatch = Duration.ofNanos(System.nanoTime() - started);
                            }
                            matches.accept(RecordReader.message(record, query.previewBytes()));
                        } else if (query.stopWhenFull()) {
                            matched--;
                            atLimit = true;
                            break;
                        }
                    }
                    if (atLimit) {
                        break;
                    }
                }
                List<TopicPartition> finished = new ArrayList<>();
                stop.forEach((tp, end) -> {
                    if (open.consumer.position(tp) >= end) {
                        finished.add(tp);
                    }
                });
                if (!finished.isEmpty()) {
                    open.consumer.pause(finished);
                    finished.forEach(stop::remove);
                }
                if (query.stopWhenFull() && kept >= query.keep()) {
                    atLimit = atLimit || !stop.isEmpty();
                }
                long now = System.nanoTime();
                if (now >= nextReport) {
                    progress.accept(new SearchProgress(scanned, total, matched, kept, Duration.ofNanos(now - started)));
                    nextReport = now + PROGRESS_EVERY.toNanos();
                }
            }
        } catch (WakeupException woken) {
            // cancel() woke the consumer: the counts so far stand
        } finally {
            reader = null;
        }
        SearchResult result = result(scanned, total, matched, kept, started, firstMatch, atLimit);
        progress.accept(result.progress());
        return result;
    }

    private SearchResult result(long scanned, long total, long matched, int kept, long started, Duration firstMatch,
                                boolean atLimit) {
        SearchProgress last = new SearchProgress(scanned, total, matched, kept, Duration.ofNanos(System.nanoTime() - started));
        return new SearchResult(last, query.keep(), cancelled, atLimit, firstMatch);
    }

    /** Exclusive end offsets: an offset bound includes that offset, a time bound stops before it. */
    private Map<TopicPartition, Long> stops(RecordReader open, List<TopicPartition> partitions,
                                            Map<TopicPartition, Long> starts, Map<TopicPartition, Long> ends) {
        Position to = query.to();
        if (to.kind() == Position.Kind.OFFSET) {
            Map<TopicPartition, Long> stops = new HashMap<>();
            partitions.forEach(tp -> stops.put(tp, Math.max(starts.get(tp), Math.min(ends.get(tp), to.value() + 1))));
            return stops;
        }
        return open.resolve(partitions, to, starts, ends);
    }
}
