package io.ringside.bench;

import io.ringside.core.connect.AccessGuard;
import io.ringside.core.kafka.KafkaCalls;
import io.ringside.core.kafka.explorer.KafkaServices;
import io.ringside.core.kafka.explorer.MessageFilter;
import io.ringside.core.kafka.explorer.MessageQuery;
import io.ringside.core.kafka.explorer.MessageSearch;
import io.ringside.core.kafka.explorer.Position;
import io.ringside.core.kafka.explorer.SearchQuery;
import io.ringside.core.kafka.explorer.SearchResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The message search against the tools an operator would otherwise use: {@code kcat -C -e | grep}
 * and a bare Java consumer loop with a substring test, on one partition of progress-like JSON
 * messages of which about 7% are failed. The topic is its own and deleted afterwards.
 */
public final class MessagesBenchmark {

    /** What the search looks for; kcat's grep and the bare loop look for the same bytes. */
    public static final String CONDITION = "$.state == \"failed\"";
    static final String NEEDLE = "\"state\":\"failed\"";

    public record Result(String topic, long messages, long expectedMatches, double seedMs, List<Double> searchMs, long matches,
                         double firstMatchMs, List<Double> bareMs, long bareMatches, List<Double> kcatMs, long kcatMatches,
                         String kcatNote, long rssBeforeBytes, long rssPeakBytes, List<Double> bigFetchMs,
                         long firstSearchGrowthBytes, List<Double> searchThreadCpuMs, List<Double> searchProcessCpuMs,
                         List<Double> bareThreadCpuMs, List<Double> kcatCpuMs) {

        public double searchThreadCpuMedian() {
            return median(searchThreadCpuMs);
        }

        public double searchProcessCpuMedian() {
            return median(searchProcessCpuMs);
        }

        public double bareThreadCpuMedian() {
            return median(bareThreadCpuMs);
        }

        /** User + sys of kcat, grep and their shell; empty without kcat or /proc. */
        public Optional<Double> kcatCpuMedian() {
            return kcatCpuMs.isEmpty() || kcatCpuMs.contains(-1.0) ? Optional.empty() : Optional.of(median(kcatCpuMs));
        }

        /** The search with the large fetches it used before (64 MiB a fetch, 32 MiB a partition). */
        public double bigFetchMedian() {
            return median(bigFetchMs);
        }

        public double searchMedian() {
            return median(searchMs);
        }

        public double bareMedian() {
            return median(bareMs);
        }

        public Optional<Double> kcatMedian() {
            return kcatMs.isEmpty() ? Optional.empty() : Optional.of(median(kcatMs));
        }
    }

    private final Map<String, Object> kafka;
    private final String bootstrap;
    private final Consumer<String> progress;

    public MessagesBenchmark(Map<String, Object> kafkaProperties, Consumer<String> progress) {
        this.kafka = kafkaProperties;
        this.bootstrap = String.valueOf(kafkaProperties.get("bootstrap.servers"));
        this.progress = progress;
    }

    /**
     * Seeds a topic of its own (deleted afterwards unless {@code keep}) or, when {@code seeded} names
     * one an earlier run kept, searches that: seeding a million messages takes longer than the
     * searches it is for.
     */
    public Result run(long messages, int rounds, String seeded, boolean keep) throws Exception {
        String topic = seeded != null ? seeded : "ringside.bench.messages-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = KafkaCalls.admin(kafka)) {
            if (seeded == null) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            try {
                return measure(topic, messages, rounds, seeded == null);
            } finally {
                if (seeded == null && !keep) {
                    admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    private Result measure(String topic, long messages, int rounds, boolean seedIt) throws Exception {
        long start = System.nanoTime();
        long expected = seedIt ? seed(topic, messages) : seeded(topic, messages);
        double seedMs = (System.nanoTime() - start) / 1e6;
        progress.accept(String.format(Locale.ROOT, "%s %,d messages (%,d failed) in %.1f s", seedIt ? "seeded" : "reusing",
                messages, expected, seedMs / 1000));
        List<Double> searchMs = new ArrayList<>();
        List<Double> bareMs = new ArrayList<>();
        List<Double> kcatMs = new ArrayList<>();
        List<Double> searchThreadCpu = new ArrayList<>();
        List<Double> searchProcessCpu = new ArrayList<>();
        List<Double> bareThreadCpu = new ArrayList<>();
        List<Double> kcatCpu = new ArrayList<>();
        long matches = 0;
        long bareMatches = 0;
        long kcatMatches = -1;
        double firstMatch = Double.MAX_VALUE;
        String kcatNote = kcatAvailable() ? "" : "kcat not installed (apt-get install kcat): skipped";
        // the seeding's garbage and producer buffers are not the search's: collect them first, and
        // count only the resident size sampled while a search runs above that baseline
        System.gc();
        Thread.sleep(200);
        long rssBefore = KeyListingBenchmark.rssBytes();
        long growth = 0;
        long firstGrowth;
        List<Double> bigFetchMs = new ArrayList<>();
        Map<String, Object> bigFetches = new HashMap<>(kafka);
        bigFetches.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        bigFetches.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 32 * 1024 * 1024);
        bigFetches.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20_000);
        bigFetches.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, 4 * 1024 * 1024);
        try (KafkaServices services = new KafkaServices(kafka, AccessGuard.of("bench", true), () -> null);
             KafkaServices big = new KafkaServices(bigFetches, AccessGuard.of("bench", true), () -> null)) {
            // one warm-up of each, not counted; the first search's growth is the one a fresh console sees
            firstGrowth = grown(sampled(() -> search(services, topic)));
            bare(topic);
            search(big, topic);
            for (int round = 0; round < rounds; round++) {
                System.gc();
                long t0 = System.nanoTime();
                long thread0 = CpuTimes.threadNanos();
                long process0 = CpuTimes.processNanos();
                Object[] sampled = sampled(() -> search(services, topic));
                SearchResult result = (SearchResult) sampled[0];
                searchMs.add((System.nanoTime() - t0) / 1e6);
                searchThreadCpu.add((CpuTimes.threadNanos() - thread0 + (Long) sampled[3]) / 1e6);
                searchProcessCpu.add((CpuTimes.processNanos() - process0) / 1e6);
                growth = Math.max(growth, grown(sampled));
                t0 = System.nanoTime();
                search(big, topic);
                bigFetchMs.add((System.nanoTime() - t0) / 1e6);
                matches = result.progress().matched();
                if (result.firstMatchAfter() != null) {
                    firstMatch = Math.min(firstMatch, result.firstMatchAfter().toNanos() / 1e6);
                }
                t0 = System.nanoTime();
                thread0 = CpuTimes.threadNanos();
                bareMatches = bare(topic);
                bareMs.add((System.nanoTime() - t0) / 1e6);
                bareThreadCpu.add((CpuTimes.threadNanos() - thread0) / 1e6);
                if (kcatNote.isEmpty()) {
                    long children0 = CpuTimes.childrenNanos();
                    t0 = System.nanoTime();
                    kcatMatches = kcat(topic);
                    kcatMs.add((System.nanoTime() - t0) / 1e6);
                    kcatCpu.add(children0 < 0 ? -1.0 : (CpuTimes.childrenNanos() - children0) / 1e6);
                }
                progress.accept(String.format(Locale.ROOT, "round %d: search %.0f ms (CPU %.0f ms its threads, %.0f ms the JVM; "
                                + "with 32/64 MiB fetches %.0f ms), bare %.0f ms (CPU %.0f ms)%s", round + 1, searchMs.get(round),
                        searchThreadCpu.get(round), searchProcessCpu.get(round), bigFetchMs.get(round), bareMs.get(round),
                        bareThreadCpu.get(round), kcatMs.isEmpty() ? "" : String.format(Locale.ROOT,
                                ", kcat|grep %.0f ms (CPU %.0f ms)", kcatMs.get(round), kcatCpu.get(round))));
            }
        }
        return new Result(topic, messages, expected, seedMs, searchMs, matches, firstMatch, bareMs, bareMatches, kcatMs,
                kcatMatches, kcatNote, rssBefore, rssBefore + growth, bigFetchMs,
                firstGrowth, searchThreadCpu, searchProcessCpu, bareThreadCpu, kcatCpu);
    }

    private static long grown(Object[] sampled) {
        return (Long) sampled[2] - (Long) sampled[1];
    }

    /**
     * {@code work}'s result, the resident size before it, the highest sampled every 20 ms while it
     * ran (a search's own growth, whatever ran in this JVM before it) and the CPU of the search's
     * fetch threads: a thread's CPU time cannot be read once it has ended, so it is the last sampled
     * (missing at most 20 ms of each one's work).
     */
    private static Object[] sampled(java.util.function.Supplier<Object> work) throws InterruptedException {
        long before = KeyListingBenchmark.rssBytes();
        long[] peak = {before};
        Map<Thread, Long> fetchCpu = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        Thread sampler = new Thread(() -> {
            Thread[] threads = new Thread[256];
            while (running.get()) {
                peak[0] = Math.max(peak[0], KeyListingBenchmark.rssBytes());
                int count = group.enumerate(threads);
                for (int i = 0; i < count; i++) {
                    if (threads[i].getName().equals(MessageSearch.FETCH_THREAD)) {
                        long cpu = CpuTimes.threadNanos(threads[i]);
                        if (cpu > 0) {
                            fetchCpu.merge(threads[i], cpu, Math::max);
                        }
                    }
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
        Object result;
        try {
            result = work.get();
        } finally {
            running.set(false);
            sampler.join();
        }
        long fetchNanos = fetchCpu.values().stream().mapToLong(Long::longValue).sum();
        return new Object[] {result, before, Math.max(peak[0], KeyListingBenchmark.rssBytes()), fetchNanos};
    }

    private long seed(String topic, long messages) throws Exception {
        return seed(kafka, topic, messages);
    }

    /**
     * The failed messages of a topic {@link #seed} filled with {@code messages} messages, after
     * checking it holds that many in partition 0 from offset 0.
     */
    private long seeded(String topic, long messages) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            TopicPartition tp = new TopicPartition(topic, 0);
            if (consumer.partitionsFor(topic).isEmpty()) {
                throw new IllegalArgumentException("No topic named " + topic);
            }
            long first = consumer.beginningOffsets(List.of(tp)).get(tp);
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            if (first != 0 || end != messages) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "Topic %s partition 0 holds offsets %d to %d, "
                        + "not the %d messages of --messages: seed it with --messages %d --keep-topic", topic, first, end,
                        messages, messages));
            }
        }
        return messages / 100 * 7 + Math.min(messages % 100, 7);
    }

    /**
     * Progress-like JSON of about 230 bytes into partition 0 of {@code topic}; every 100 messages,
     * 7 are failed (returned: how many). Also what the Streams page's benchmark searches.
     */
    public static long seed(Map<String, Object> kafka, String topic, long messages) throws Exception {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        props.put(ProducerConfig.ACKS_CONFIG, "1");
        long failed = 0;
        String[] states = {"running", "running", "succeeded", "queued"};
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            for (long i = 0; i < messages; i++) {
                boolean isFailed = i % 100 < 7;
                failed += isFailed ? 1 : 0;
                String state = isFailed ? "failed" : states[(int) (i % states.length)];
                String value = String.format(Locale.ROOT, "{\"job_id\":\"%s\",\"seq\":%d,\"ts\":\"2026-01-02T03:04:05Z\","
                                + "\"kind\":\"load-pm25\",\"state\":\"%s\",\"phase\":\"import\",\"unit\":\"rows\",\"done\":%d,"
                                + "\"total\":1000000,\"rate_per_s\":51234.5,\"errors\":0,\"message\":\"batch %d\"}",
                        new UUID(i, i * 31), i, state, i, i / 500);
                producer.send(new ProducerRecord<>(topic, 0, null, value.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
        return failed;
    }

    private static SearchResult search(KafkaServices services, String topic) {
        return services.search(new SearchQuery(topic, 0, Position.beginning(), Position.end(),
                MessageFilter.jsonPath(CONDITION), 1_000, false, MessageQuery.DEFAULT_PREVIEW)).run(m -> { }, p -> { });
    }

    private long bare(String topic) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 32 * 1024 * 1024);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20_000);
        long found = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            while (consumer.position(tp) < end) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (new String(record.value(), StandardCharsets.UTF_8).contains(NEEDLE)) {
                        found++;
                    }
                }
            }
        }
        return found;
    }

    private static boolean kcatAvailable() {
        try {
            return new ProcessBuilder("kcat", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private long kcat(String topic) throws Exception {
        Process process = new ProcessBuilder("bash", "-c", "kcat -C -b " + bootstrap + " -t " + topic
                + " -p 0 -o beginning -e -q | grep -c -F '" + NEEDLE + "'").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor();
        try {
            return Long.parseLong(out);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("kcat | grep printed: " + out, e);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
    }
}
