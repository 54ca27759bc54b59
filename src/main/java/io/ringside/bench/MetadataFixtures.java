package io.ringside.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.ringside.core.NotFoundException;
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
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicCollection;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.internals.Topic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.LeaderNotAvailableException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
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
     * Waits, up to {@code timeout}, until the broker serves the metadata of every fixture topic:
     * each described with {@code partitions} partitions, each partition with a leader. A created
     * topic is committed by the controller before the broker's metadata cache has it, and a
     * restarted broker serves its topics only once it has loaded them; a call naming such a topic
     * in between (the end offsets read before the groups' commits) fails with "unknown topic", which
     * ended a first run right after its 2,000 topics were made. A topic with another partition count
     * (a kept folder made with other sizes) is not waited for: it is reported at once.
     */
    public static Duration awaitTopicMetadata(Admin admin, Size size, Duration timeout, Consumer<String> progress) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        List<String> names = IntStream.range(0, size.topics()).mapToObj(MetadataFixtures::topic).toList();
        List<String> waiting = names;
        while (true) {
            Map<String, KafkaFuture<TopicDescription>> described =
                    admin.describeTopics(TopicCollection.ofTopicNames(waiting)).topicNameValues();
            List<String> notYet = new ArrayList<>();
            for (String name : waiting) {
                TopicDescription description = describedOrNull(described.get(name));
                if (description == null || description.partitions().stream().anyMatch(p -> p.leader() == null
                        || p.leader().isEmpty())) {
                    notYet.add(name);
                } else if (description.partitions().size() != size.partitions()) {
                    throw new RingsideException(String.format(Locale.ROOT, "Topic %s has %d partitions, this run asks"
                            + " for %d: the folder's fixtures were made with other sizes (use a fresh folder or the"
                            + " same --partitions)", name, description.partitions().size(), size.partitions()));
                }
            }
            if (notYet.isEmpty()) {
                Duration waited = Duration.ofNanos(System.nanoTime() - started);
                progress.accept(String.format(Locale.ROOT, "metadata of all %,d topics served (waited %.1f s)",
                        names.size(), waited.toMillis() / 1000.0));
                return waited;
            }
            if (System.nanoTime() > deadline) {
                throw new RingsideException(String.format(Locale.ROOT, "The broker did not serve the metadata of %,d of"
                        + " %,d fixture topics within %d s (%s, ...)", notYet.size(), names.size(), timeout.toSeconds(),
                        notYet.get(0)));
            }
            if (notYet.size() != waiting.size()) {
                progress.accept(String.format(Locale.ROOT, "metadata of %,d of %,d topics served", names.size()
                        - notYet.size(), names.size()));
            }
            waiting = notYet;
            pause(Duration.ofMillis(250));
        }
    }

    private static TopicDescription describedOrNull(KafkaFuture<TopicDescription> future) {
        try {
            return future.get(2, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException
                    || e.getCause() instanceof LeaderNotAvailableException) {
                return null;
            }
            throw new RingsideException("Describing the fixture topics failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RingsideException("Interrupted while waiting for the topics' metadata", e);
        } catch (TimeoutException e) {
            throw new RingsideException("Kafka did not describe the fixture topics within 120 s", e);
        }
    }

    /**
     * What is missing or wrong in the Kafka fixtures, one line each (empty when complete): every
     * fixture group listed with a committed offset on each partition of its topic, behind that
     * partition's end (so it lags). A run measures only complete fixtures: pages that never show
     * every group would otherwise time out, or a group without lag be timed as one with.
     */
    public static List<String> kafkaProblems(Admin admin, Size size) {
        List<String> problems = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        wait(admin.listConsumerGroups().all(), Duration.ofMinutes(2)).forEach(g -> listed.add(g.groupId()));
        List<String> missing = IntStream.range(0, size.groups()).mapToObj(MetadataFixtures::group)
                .filter(g -> !listed.contains(g)).toList();
        if (!missing.isEmpty()) {
            problems.add(String.format(Locale.ROOT, "%,d of %,d groups not listed (%s, ...)", missing.size(),
                    size.groups(), missing.get(0)));
            return problems;
        }
        Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
        IntStream.range(0, size.groups()).forEach(g -> specs.put(group(g), new ListConsumerGroupOffsetsSpec()));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed =
                wait(admin.listConsumerGroupOffsets(specs).all(), Duration.ofMinutes(2));
        Set<TopicPartition> partitions = new HashSet<>();
        committed.values().forEach(offsets -> partitions.addAll(offsets.keySet()));
        Map<TopicPartition, Long> ends = KafkaCalls.offsets(admin, partitions, OffsetSpec.latest());
        int readTopics = Math.min(size.groups(), size.topics());
        int withoutLag = 0;
        String example = null;
        for (int g = 0; g < size.groups(); g++) {
            Map<TopicPartition, OffsetAndMetadata> offsets = committed.getOrDefault(group(g), Map.of());
            for (int p = 0; p < size.partitions(); p++) {
                TopicPartition partition = new TopicPartition(topic(g % readTopics), p);
                OffsetAndMetadata offset = offsets.get(partition);
                if (offset == null || ends.getOrDefault(partition, 0L) <= offset.offset()) {
                    withoutLag++;
                    example = example == null ? group(g) + " on " + partition : example;
                }
            }
        }
        if (withoutLag > 0) {
            problems.add(String.format(Locale.ROOT, "%,d group partitions without a committed offset behind the end"
                    + " (%s, ...)", withoutLag, example));
        }
        return problems;
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
        Map<TopicPartition, Long> ends = endOffsets(admin, read);
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
     * The partitions' end offsets. The topics' metadata was waited for ({@link #awaitTopicMetadata});
     * a partition still unknown to the broker is asked again for up to a minute all the same.
     */
    private static Map<TopicPartition, Long> endOffsets(Admin admin, Set<TopicPartition> partitions) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            try {
                return KafkaCalls.offsets(admin, partitions, OffsetSpec.latest());
            } catch (NotFoundException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                pause(Duration.ofSeconds(1));
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RingsideException("Interrupted while creating the fixtures", e);
        }
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
            pause(Duration.ofSeconds(1));
        }
    }

    /**
     * Keyspaces of {@code tablesPerKeyspace} tables each, a few schema changes in flight at a time;
     * a keyspace whose tables are all there is left as it is (zero returned when all are).
     */
    public static Duration createSchema(CqlSession session, Size size, Consumer<String> progress) {
        long started = System.nanoTime();
        Map<String, Integer> tables = tablesPerKeyspace(session);
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

    /** What is missing in the schema fixtures, one line (empty when every keyspace has its tables). */
    public static List<String> schemaProblems(CqlSession session, Size size) {
        Map<String, Integer> tables = tablesPerKeyspace(session);
        List<String> incomplete = IntStream.range(0, size.keyspaces()).mapToObj(MetadataFixtures::keyspace)
                .filter(k -> tables.getOrDefault(k, 0) < size.tablesPerKeyspace()).toList();
        return incomplete.isEmpty() ? List.of() : List.of(String.format(Locale.ROOT, "%d of %d keyspaces without their"
                + " %d tables (%s, ...)", incomplete.size(), size.keyspaces(), size.tablesPerKeyspace(), incomplete.get(0)));
    }

    private static Map<String, Integer> tablesPerKeyspace(CqlSession session) {
        Map<String, Integer> tables = new HashMap<>();
        session.execute(statement("SELECT keyspace_name FROM system_schema.tables"))
                .forEach(row -> tables.merge(row.getString(0), 1, Integer::sum));
        return tables;
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
