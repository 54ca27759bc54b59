package io.ringside.core.kafka.explorer;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
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
 *
 * <p>Two threads share the work: a fetch thread of the search's own owns the consumer (its polls
 * read the responses off the socket and build the records) and hands each polled batch over; the
 * calling thread tests the records and reports. Profiled on a million 230-byte messages, the
 * one-thread search spent 40% of its CPU in the polls and 52% in the tests, so on one thread a scan
 * took the sum of both and on two it takes about the larger; kcat does the same with librdkafka's
 * fetch thread. At most
 * {@link #IN_FLIGHT} batches wait between the two, so memory stays bounded, and the tests run in
 * offset order on one thread, so the first {@code keep} matches are the same as on one thread.
 */
public final class MessageSearch {

    public static final Duration PROGRESS_EVERY = Duration.ofMillis(100);
    /** The name of a search's fetch thread (a profile or a benchmark finds its CPU time by it). */
    public static final String FETCH_THREAD = "message-search-fetch";
    private static final Duration POLL = Duration.ofMillis(200);
    /** Polled batches waiting for the tests: one in hand on each side and one between is enough to overlap. */
    private static final int IN_FLIGHT = 1;

    private final Map<String, Object> kafkaProperties;
    private final SearchQuery query;
    private final ThreadFactory fetchThreads;
    private volatile boolean cancelled;
    private volatile RecordReader reader;

    MessageSearch(Map<String, Object> kafkaProperties, SearchQuery query) {
        this(kafkaProperties, query, fetch -> {
            Thread thread = new Thread(fetch, FETCH_THREAD);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** With the fetch thread made by {@code fetchThreads}: a test orders the two threads' steps through it. */
    MessageSearch(Map<String, Object> kafkaProperties, SearchQuery query, ThreadFactory fetchThreads) {
        this.kafkaProperties = kafkaProperties;
        this.query = query;
        this.fetchThreads = fetchThreads;
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

    /**
     * Runs the search, its tests and its callbacks on the calling thread (the polls on a thread of
     * its own); returns when it is done, cancelled or at the limit.
     */
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
            Map<TopicPartition, Long> limits = Map.copyOf(stop);
            long nextReport = 0;
            // decided before the fetch thread starts, from the caller's own map: that thread removes
            // each partition it has read to the end from its map, and may have read them all before
            // this thread runs again (a search then ended at once with nothing scanned)
            boolean last = limits.isEmpty();
            try (Fetching fetching = new Fetching(open, limits)) {
                while (!last && !cancelled && !atLimit) {
                    Polled polled = fetching.next();
                    if (polled != null) {
                        last = polled.last();
                        ConsumerRecords<ByteBuffer, ByteBuffer> batch = polled.records();
                        for (TopicPartition tp : batch.partitions()) {
                            long end = limits.getOrDefault(tp, -1L);
                            for (ConsumerRecord<ByteBuffer, ByteBuffer> record : batch.records(tp)) {
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
                        if (query.stopWhenFull() && kept >= query.keep()) {
                            atLimit = atLimit || !last;
                        }
                    }
                    long now = System.nanoTime();
                    if (now >= nextReport) {
                        progress.accept(new SearchProgress(scanned, total, matched, kept, Duration.ofNanos(now - started)));
                        nextReport = now + PROGRESS_EVERY.toNanos();
                    }
                }
            }
        } catch (WakeupException woken) {
            if (!cancelled) {
                throw woken; // only cancel() may wake this search's consumer; anything else must not pass for an end
            }
            // cancel() woke the consumer: the counts so far stand
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            cancelled = true;
        } finally {
            reader = null;
        }
        SearchResult result = result(scanned, total, matched, kept, started, firstMatch, atLimit);
        progress.accept(result.progress());
        return result;
    }

    /** One poll's records; {@code last} when every partition has been read to its end with it. */
    private record Polled(ConsumerRecords<ByteBuffer, ByteBuffer> records, boolean last) {
    }

    /**
     * The fetch thread: polls until every partition of {@code stop} is read to its end, pausing
     * each as it gets there, and hands the batches over; the batch that finishes the last partition
     * says so, and only that ends the tests. Closing it stops the thread (waking the consumer from a
     * poll) and waits for it, so the consumer is the calling thread's again.
     */
    private final class Fetching implements AutoCloseable {

        private final RecordReader open;
        /** The partitions not yet read to their end, and their ends: the fetch thread's alone. */
        private final Map<TopicPartition, Long> unread;
        private final BlockingQueue<Object> handed = new ArrayBlockingQueue<>(IN_FLIGHT);
        private final Thread thread;
        private volatile boolean stopped;

        Fetching(RecordReader open, Map<TopicPartition, Long> stop) {
            this.open = open;
            this.unread = new HashMap<>(stop);
            this.thread = fetchThreads.newThread(this::fetch);
            if (!unread.isEmpty()) {
                thread.start();
            }
        }

        private void fetch() {
            try {
                boolean last = false;
                while (!last && !stopped && !cancelled) {
                    ConsumerRecords<ByteBuffer, ByteBuffer> batch = open.consumer.poll(POLL);
                    List<TopicPartition> finished = new ArrayList<>();
                    unread.forEach((tp, end) -> {
                        if (open.consumer.position(tp) >= end) {
                            finished.add(tp);
                        }
                    });
                    if (!finished.isEmpty()) {
                        open.consumer.pause(finished);
                        finished.forEach(unread::remove);
                    }
                    last = unread.isEmpty();
                    if (!batch.isEmpty() || last) {
                        hand(new Polled(batch, last));
                    }
                }
            } catch (RuntimeException failed) {
                handFailure(failed);
            } catch (InterruptedException interrupted) {
                // closed
            }
        }

        private void hand(Object item) throws InterruptedException {
            while (!stopped && !handed.offer(item, POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                // the tests are behind: wait for them, or for the search to end
            }
        }

        private void handFailure(RuntimeException failed) {
            try {
                hand(failed);
            } catch (InterruptedException interrupted) {
                // closed
            }
        }

        /**
         * The next batch, or null when none came within {@link #PROGRESS_EVERY} (a chance to report).
         *
         * @throws IllegalStateException when the fetch thread has ended without handing over the
         *         last batch (an error it could not hand): the search must neither wait for ever nor
         *         pass for read to the end
         */
        Polled next() throws InterruptedException {
            Object item = handed.poll(PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            if (item instanceof RuntimeException failed) {
                throw failed;
            }
            // alive first: once it has ended, everything it handed over is in the queue
            if (item == null && !thread.isAlive() && handed.isEmpty() && !cancelled) {
                throw new IllegalStateException("The search's fetch thread ended before reading "
                        + query.topic() + " to its end");
            }
            return (Polled) item;
        }

        /** Waits for the thread even when interrupted: the consumer must not be closed under it. */
        @Override
        public void close() {
            stopped = true;
            if (!thread.isAlive()) {
                return;
            }
            open.consumer.wakeup();
            handed.clear();
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
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
