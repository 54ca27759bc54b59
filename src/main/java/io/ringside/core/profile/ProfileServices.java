package io.ringside.core.profile;

import io.ringside.core.BackendUnavailableException;
import io.ringside.core.connect.AccessGuard;
import io.ringside.core.connect.Backends;
import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.connect.SecretStore;
import io.ringside.core.cql.CqlWorkbench;
import io.ringside.core.data.DataServices;
import io.ringside.core.data.dataset.DatasetStore;
import io.ringside.core.jobs.JobClient;
import io.ringside.core.kafka.AuditLog;
import io.ringside.core.kafka.explorer.KafkaServices;
import io.ringside.core.redis.RedisServices;
import java.nio.file.Path;

/**
 * Everything the console holds for one active profile: its {@link Backends}, its one
 * {@link DataServices} (so one cache and one set of cache metrics per profile, however many pages
 * and the job worker use them), its {@link RedisServices}, its {@link JobClient} and its
 * {@link KafkaServices} (topic and group admin, message browse, search and produce). Each part is
 * built on first use; {@link ActiveConnection} makes a new one when the profile changes and closes
 * the old one once, so no page keeps clients, caches or scans of a profile the operator left.
 * A closed instance refuses further use instead of quietly opening new clients.
 */
public final class ProfileServices implements AutoCloseable {

    private final ConnectionProfile profile;
    private final Path dataFolder;
    private final SecretStore secrets;
    private Backends backends;
    private DataServices data;
    private RedisServices redis;
    private DatasetStore clusterDatasets;
    private JobClient jobs;
    private KafkaServices kafka;
    private CqlWorkbench cql;
    private boolean closed;

    /** @param dataFolder the console's data folder: the local stack's state, spools, pending invalidations */
    public ProfileServices(ConnectionProfile profile, Path dataFolder, SecretStore secrets) {
        this.profile = profile;
        this.dataFolder = dataFolder;
        this.secrets = secrets;
    }

    public ConnectionProfile profile() {
        return profile;
    }

    public Path dataFolder() {
        return dataFolder;
    }

    public AccessGuard accessGuard() {
        return AccessGuard.of(profile);
    }

    /**
     * The clients of this profile.
     *
     * @throws BackendUnavailableException for {@code local} when the stack is not running, and once
     *                                     the profile has been left
     */
    public synchronized Backends backends() {
        checkOpen();
        if (backends == null) {
            backends = Backends.open(profile, dataFolder, secrets);
        }
        return backends;
    }

    /**
     * The data services of this profile: stores, the cache and its metrics (published to
     * {@code ringside.cache.stats} while pages or the job worker read through it), imports.
     */
    public synchronized DataServices data() {
        Backends clients = backends();
        if (data == null) {
            data = new DataServices(clients, dataFolder);
            data.publishCacheStats();
        }
        return data;
    }

    /**
     * The Redis services of this profile: its read-only guard, an audit log of its profile, and the
     * dataset store of {@link #data()} for the manifest entries of cached dataset chunks. Opens no
     * client itself: whether the profile is read-only is known without a server.
     */
    public synchronized RedisServices redis() {
        checkOpen();
        if (redis == null) {
            redis = new RedisServices(() -> backends().redis(),
                    () -> new AuditLog(dataFolder, backends().kafkaProperties(), profile.id()),
                    () -> accessGuard().readOnly(), this::datasets,
                    () -> backends().kafkaProperties()).following(this::backends);
        }
        return redis;
    }

    /**
     * The dataset store of {@link #data()}; on a profile naming a Redis Cluster, which the data
     * services cannot use, one of its own over the same Cassandra session (for the key browser's
     * manifest entries of cached chunks).
     */
    public synchronized DatasetStore datasets() {
        Backends clients = backends();
        if (!clients.redisIsCluster()) {
            return data().datasetStore();
        }
        if (clusterDatasets == null) {
            clusterDatasets = new DatasetStore(clients.cql(), accessGuard());
        }
        return clusterDatasets;
    }

    /**
     * The CQL workbench of this profile, over its one session: its keyspace ({@code USE}) lasts as
     * long as the profile stays chosen. Opens no client itself.
     */
    public synchronized CqlWorkbench cql() {
        checkOpen();
        if (cql == null) {
            cql = new CqlWorkbench(() -> backends().cql(), this::accessGuard,
                    () -> new AuditLog(dataFolder, backends().kafkaProperties(), profile.id()));
        }
        return cql;
    }

    /** Submits, cancels and lists jobs through this profile's Kafka. */
    public synchronized JobClient jobs() {
        Backends clients = backends();
        if (jobs == null) {
            jobs = new JobClient(clients.kafkaProperties(), dataFolder);
        }
        return jobs;
    }

    /** Topic detail and admin, the message browser, search and produce, consumer-group offsets of this profile. */
    public synchronized KafkaServices kafka() {
        Backends clients = backends();
        if (kafka == null) {
            kafka = new KafkaServices(clients.kafkaProperties(), accessGuard(),
                    () -> new AuditLog(dataFolder, clients.kafkaProperties(), profile.id()));
        }
        return kafka;
    }

    private void checkOpen() {
        if (closed) {
            throw new BackendUnavailableException("The connection to profile '" + profile.name()
                    + "' is closed: the console switched to another profile or is closing");
        }
    }

    /**
     * Closes what was opened: the Redis services' connections, the data services' publisher, the
     * clients. The parts are closed outside this object's lock, because the Redis services call
     * back into it while holding their own.
     */
    @Override
    public void close() {
        RedisServices openRedis;
        DataServices openData;
        Backends openBackends;
        KafkaServices openKafka;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            openRedis = redis;
            openData = data;
            openBackends = backends;
            openKafka = kafka;
        }
        if (openKafka != null) {
            openKafka.close();
        }
        if (openRedis != null) {
            openRedis.close();
        }
        if (openData != null) {
            openData.close();
        }
        if (openBackends != null) {
            openBackends.close();
        }
    }
}
