package io.ringside.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.ringside.core.RingsideException;
import io.ringside.core.kafka.KafkaCalls;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.internals.Topic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The metadata at the size operators have, made on a stack of the benchmark's own: topics with
 * many partitions (created in batches, small segments and indexes so thousands of partitions fit
 * one broker), consumer groups with committed offsets behind the end (lag), and keyspaces full of
 * tables. A run on a folder an earlier run filled (its stack restarted there) makes only what is
 * missing: a fixture already present is counted, not made again.
 */
public final class MetadataFixtures {

    public static final String TOPIC_PREFIX = "meta-topic-";
    public static final String GROUP_PREFIX = "meta-group-";
    public static final String KEYSPACE_PREFIX = "meta_ks_";
    /** Records written to each partition a group reads; a group commits fewer, so it lags. */
    static final int RECORDS_PER_PARTITION = 10;
    private static final int TOPICS_PER_BATCH = 100;
    private static final int TABLES_IN_FLIGHT = 10;

    /** What to create; {@code partitions} is per topic. */
    public record Size(int topics, int partitions, int groups, int keyspaces, int tablesPerKeyspace) {

        public int totalPartitions() {
            return topics * partitions;
        }

        public int tables() {
            return keyspaces * tablesPerKeyspace;
        }

        public String describe() {
            return String.format(Locale.ROOT, "%,d topics / %,d partitions, %,d consumer groups, %d keyspaces / %,d tables",
                    topics, totalPartitions(), groups, keyspaces, tables());
        }
    }

    private MetadataFixtures() {
    }

    public static String topic(int i) {
        return String.format(Locale.ROOT, "%s%04d", TOPIC_PREFIX, i);
    }

    static String keyspace(int i) {
        return String.format(Locale.ROOT, "%s%02d", KEYSPACE_PREFIX, i);
    }

    public static String group(int i) {
        return String.format(Locale.ROOT, "%s%03d", GROUP_PREFIX, i);
    }

    /**
     * Creates the topics not there yet, {@value #TOPICS_PER_BATCH} per request; returns how long it
     * took (zero when every one was there).
     */
    public static Duration createTopics(Admin admin, Size size, Consumer<String> progress) {
        long started = System.nanoTime();
        Set<String> present = wait(admin.listTopics().names(), Duration.ofMinutes(2));
        List<Integer> missing = IntStream.range(0, size.topics()).filter(i -> !present.contains(topic(i))).boxed().toList();
        if (missing.isEmpty()) {
            return Duration.ZERO;
        }
        Map<String, String> configs = Map.of(TopicConfig.SEGMENT_BYTES_CONFIG, String.valueOf(1024 * 1024),
                TopicConfig.SEGMENT_INDEX_BYTES_CONFIG, String.valueOf(64 * 1024));
        for (int from = 0; from < missing.size(); from += TOPICS_PER_BATCH) {
            List<NewTopic> batch = new ArrayList<>();
            for (int i : missing.subList(from, Math.min(missing.size(), from + TOPICS_PER_BATCH))) {
                batch.add(new NewTopic(topic(i), size.partitions(), (short) 1).configs(configs));
            }
            wait(admin.createTopics(batch).all(), Duration.ofMinutes(5));
            progress.accept(String.format(Locale.ROOT, "%,d of %,d topics created (%.0f s)",
                    Math.min(missing.size(), from + TOPICS_PER_BATCH), missing.size(), (System.nanoTime() - started) / 1e9));
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /**
     * Group {@code g} reads topic {@code g mod topics}: each of its partitions holds at least
     * {@value #RECORDS_PER_PARTITION} records and the group commits offset {@code g mod 10} on each,
     * so every group lags by at least one record per partition. On a kept folder only the groups not
     * listed are made, and records are written only to partitions holding fewer than
     * {@value #RECORDS_PER_PARTITION} (a partition's end offset is what the lag is measured against,
     * so a topped-up partition is the same fixture). Zero is returned when every group is there.
     */
    public static Duration createGroups(Admin admin, Map<String, Object> kafka, Size size, Consumer<String> progress) {
        long started = System.nanoTime();
        Set<String> present = groupsListed(admin, size, progress);
        List<Integer> missing = IntStream.range(0, size.groups()).filter(g -> !present.contains(group(g))).boxed().toList();
        if (missing.isEmpty()) {
            return Duration.ZERO;
        }
        int readTopics = Math.min(size.groups(), size.topics());
        Set<TopicPartition> read = new HashSet<>();
        for (int g : missing) {
            for (int p = 0; p < size.partitions(); p++) {
                read.add(new TopicPartition(topic(g % readTopics), p));
            }
        }
        Map<TopicPartition, Long> ends = KafkaCalls.offsets(admin, read, OffsetSpec.latest());
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        byte[] value = "{\"reading\":42}".getBytes(StandardCharsets.UTF_8);
        long written = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            for (TopicPartition partition : read) {
                for (long r = ends.getOrDefault(partition, 0L); r < RECORDS_PER_PARTITION; r++) {
                    producer.send(new ProducerRecord<>(partition.topic(), partition.partition(), null, value));
                    written++;
                }
            }
            producer.flush();
        }
        List<KafkaFuture<Void>> commits = new ArrayList<>();
        for (int g : missing) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (int p = 0; p < size.partitions(); p++) {
                offsets.put(new TopicPartition(topic(g % readTopics), p), new OffsetAndMetadata(g % RECORDS_PER_PARTITION));
            }
            commits.add(admin.alterConsumerGroupOffsets(group(g), offsets).all());
        }
        commits.forEach(commit -> wait(commit, Duration.ofMinutes(2)));
        progress.accept(String.format(Locale.ROOT, "%,d of %,d groups made (%,d records written to %,d partitions)",
                missing.size(), size.groups(), written, read.size()));
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /**
     * The fixture groups listed. A broker that has just restarted lists the groups of an offsets
     * partition only once it has loaded it: when offsets were ever committed there (the offsets
     * topic exists) and some are missing, it is asked again each second, up to a minute.
     */
    private static Set<String> groupsListed(Admin admin, Size size, Consumer<String> progress) {
        Set<String> present = new HashSet<>();
        if (!wait(admin.listTopics(new ListTopicsOptions().listInternal(true)).names(), Duration.ofMinutes(2))
                .contains(Topic.GROUP_METADATA_TOPIC_NAME)) {
            return present;
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            present.clear();
            wait(admin.listConsumerGroups().all(), Duration.ofMinutes(2)).forEach(g -> present.add(g.groupId()));
            long listed = IntStream.range(0, size.groups()).filter(g -> present.contains(group(g))).count();
            if (listed == size.groups() || System.nanoTime() > deadline) {
                progress.accept(String.format(Locale.ROOT, "%,d of %,d groups listed (%,d groups in all)", listed,
                        size.groups(), present.size()));
                return present;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RingsideException("Interrupted while listing the groups", e);
            }
        }
    }

    /**
     * Keyspaces of {@code tablesPerKeyspace} tables each, a few schema changes in flight at a time;
     * a keyspace whose tables are all there is left as it is (zero returned when all are).
     */
    public static Duration createSchema(CqlSession session, Size size, Consumer<String> progress) {
        long started = System.nanoTime();
        Map<String, Integer> tables = new HashMap<>();
        session.execute(statement("SELECT keyspace_name FROM system_schema.tables"))
                .forEach(row -> tables.merge(row.getString(0), 1, Integer::sum));
        List<Integer> missing = IntStream.range(0, size.keyspaces())
                .filter(k -> tables.getOrDefault(keyspace(k), 0) < size.tablesPerKeyspace()).boxed().toList();
        if (missing.isEmpty()) {
            return Duration.ZERO;
        }
        for (int k : missing) {
            String keyspace = keyspace(k);
            ddl(session, "CREATE KEYSPACE IF NOT EXISTS " + keyspace
                    + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
            List<CompletableFuture<?>> inFlight = new ArrayList<>();
            for (int t = 0; t < size.tablesPerKeyspace(); t++) {
                String table = String.format(Locale.ROOT, "%s.readings_%02d", keyspace, t);
                inFlight.add(session.executeAsync(statement("CREATE TABLE IF NOT EXISTS " + table
                        + " (station text, day date, at timestamp, pm25 double, note text, raw blob,"
                        + " PRIMARY KEY ((station, day), at))")).toCompletableFuture());
                if (inFlight.size() == TABLES_IN_FLIGHT) {
                    inFlight.forEach(CompletableFuture::join);
                    inFlight.clear();
                }
            }
            inFlight.forEach(CompletableFuture::join);
            if ((k + 1) % 10 == 0) {
                progress.accept(String.format(Locale.ROOT, "%d of %d keyspaces created (%.0f s)", k + 1,
                        size.keyspaces(), (System.nanoTime() - started) / 1e9));
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static void ddl(CqlSession session, String cql) {
        session.execute(statement(cql));
    }

    private static SimpleStatement statement(String cql) {
        return SimpleStatement.newInstance(cql).setTimeout(Duration.ofSeconds(120));
    }

    private static <T> T wait(KafkaFuture<T> future, Duration timeout) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return KafkaCalls.get(future);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RingsideException("Interrupted while creating the fixtures", e);
        } catch (TimeoutException e) {
            throw new RingsideException("Kafka did not finish within " + timeout.toSeconds() + " s", e);
        }
    }
}
