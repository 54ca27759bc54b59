package io.ringside.core.data.cache;

import io.ringside.core.NamedThreads;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * Redis in front of Cassandra, the way the seeds' design asks: GET; on a miss take a lease
 * ({@code SET NX PX} on {@code ringside:lease:<key>}), read the backing store, and store the value
 * with a jittered TTL only while the lease is still ours (one Lua script, so a slow reader whose
 * lease expired cannot overwrite a newer value); readers that find the lease taken wait for the
 * holder's value, so one expiry costs one Cassandra read. The holder extends its lease while it
 * reads and waiters wait as long as the lease lives, so a holder that waits for a core does not
 * let every waiter fall through to Cassandra. Absent rows are cached as short-lived negative
 * entries. When Redis fails, reads go straight to the backing store and Redis is left alone for a
 * second before it is tried again, so an outage costs no user-visible error and recovery needs
 * nobody; invalidations it did not take are kept on disk ({@link PendingInvalidations}) and
 * replayed before the namespace is read again.
 */
public final class CacheAside {

    /** Prefix of the single-flight lease of a key: {@code ringside:lease:<key>}. */
    public static final String LEASE_PREFIX = "ringside:lease:";
    private static final byte[] NEGATIVE = CacheEnvelope.absent();
    private static final long RETRY_REDIS_AFTER_NANOS = Duration.ofSeconds(1).toNanos();
    /**
     * How long a waiter waits for live lease holders before it reads the store itself: longer than
     * any Cassandra read takes before it times out, since a live holder keeps its lease.
     */
    private static final long MAX_WAIT_NANOS = Duration.ofSeconds(30).toNanos();
    private static final long FIRST_POLL_NANOS = 2_000_000;
    private static final long LAST_POLL_NANOS = 20_000_000;
    private static final ScheduledExecutorService LEASE_KEEPER = Executors.newSingleThreadScheduledExecutor(
            NamedThreads.daemons("ringside-cache-lease-keeper"));

    /** SET value only if the lease still holds our token, then release the lease. */
    private static final String STORE_IF_LEASE_HELD =
            "if redis.call('GET', KEYS[1]) == ARGV[1] then "
            + "redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3]); redis.call('DEL', KEYS[1]); return 1 "
            + "else return 0 end";
    private static final String EXTEND_IF_HELD =
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end";
    private static final String RELEASE_IF_HELD =
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";

    private final UnifiedJedis redis;
    private final CacheMetrics metrics;
    private final LongSupplier nanoTime;
    private final AtomicLong redisDownSince = new AtomicLong(-1);
    private final PendingInvalidations pending;

    public CacheAside(UnifiedJedis redis, CacheMetrics metrics, PendingInvalidations pending) {
        this.redis = redis;
        this.metrics = metrics;
        this.pending = pending;
        this.nanoTime = System::nanoTime;
    }

    public CacheMetrics metrics() {
        return metrics;
    }

    /**
     * Reads {@code key} through the cache; {@code loader} reads the backing store and returns
     * empty when there are no such rows.
     */
    public <T> CacheRead<T> get(String namespace, String key, ValueCodec<T> codec, CachePolicy policy,
                                Supplier<Optional<T>> loader) {
        long started = nanoTime.getAsLong();
        if (!replayPending(namespace) || !redisUsable()) {
            return finish(namespace, started, loader.get(), CacheOutcome.DEGRADED);
        }
        try {
            byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
            byte[] cached = redis.get(keyBytes);
            if (cached != null) {
                Optional<Optional<T>> decoded = tryDecode(cached, codec);
                if (decoded.isPresent()) {
                    return finish(namespace, started, decoded.get(), hitOutcome(cached));
                }
                // written by an older encoding, another writer, or damaged: drop it and reload
                redis.del(keyBytes);
            }
            return finish(namespace, started, loadOnMiss(key, codec, policy, loader), CacheOutcome.MISS);
        } catch (JedisException e) {
            markRedisDown();
            return finish(namespace, started, loader.get(), CacheOutcome.DEGRADED);
        }
    }

    /** Reads the backing store alone, for "bypass cache" and for comparisons. */
    public <T> CacheRead<T> bypass(String namespace, Supplier<Optional<T>> loader) {
        long started = nanoTime.getAsLong();
        return finish(namespace, started, loader.get(), CacheOutcome.BYPASS);
    }

    /**
     * Deletes keys of {@code namespace} after their rows changed (delete, not set: idempotent and
     * race-free against a concurrent miss). Keys Redis does not take (down, paused, timed out) are
     * written to the pending invalidations and deleted before this or any other process reads the
     * namespace again; until then reads of the namespace bypass Redis.
     *
     * @return how many keys are left pending (0 when Redis took them all)
     */
    public int invalidate(String namespace, List<String> keys) {
        if (keys.isEmpty()) {
            return 0;
        }
        try {
            if (redisUsable()) {
                redis.del(keys.toArray(String[]::new));
                return 0;
            }
        } catch (JedisException e) {
            markRedisDown();
        }
        pending.add(namespace, keys);
        return keys.size();
    }

    /** Where the keys of {@code namespace} that Redis did not take are kept. */
    public Path pendingFile(String namespace) {
        return pending.file(namespace);
    }

    /**
     * Deletes the namespace's pending invalidations left by any process; false when Redis did not
     * take them, and the caller must not trust what Redis holds for the namespace.
     */
    private boolean replayPending(String namespace) {
        if (!pending.any(namespace)) {
            return true;
        }
        if (!redisUsable()) {
            return false;
        }
        try {
            pending.replay(namespace, keys -> {
                for (int from = 0; from < keys.size(); from += 1000) {
                    redis.del(keys.subList(from, Math.min(keys.size(), from + 1000)).toArray(String[]::new));
                }
            });
            return true;
        } catch (JedisException e) {
            markRedisDown();
            return false;
        }
    }

    private <T> Optional<T> loadOnMiss(String key, ValueCodec<T> codec, CachePolicy policy, Supplier<Optional<T>> loader) {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        String leaseKey = LEASE_PREFIX + key;
        byte[] leaseBytes = leaseKey.getBytes(StandardCharsets.UTF_8);
        String token = UUID.randomUUID().toString();
        long leaseMillis = policy.lease().toMillis();
        long giveUpAt = nanoTime.getAsLong() + Math.max(MAX_WAIT_NANOS, policy.lease().toNanos());
        while (true) {
            if ("OK".equals(redis.set(leaseKey, token, SetParams.setParams().nx().px(leaseMillis)))) {
                // the previous holder may have stored the value and released the lease between our
                // GET and our SET NX: look again before reading Cassandra
                byte[] cached = redis.get(keyBytes);
                Optional<Optional<T>> decoded = cached == null ? Optional.empty() : tryDecode(cached, codec);
                if (decoded.isPresent()) {
                    redis.eval(RELEASE_IF_HELD, List.of(leaseKey), List.of(token));
                    return decoded.get();
                }
                return loadAndStore(keyBytes, leaseKey, token, codec, policy, loader);
            }
            if (!policy.waitForLeaseHolder()) {
                return loader.get();
            }
            // another reader holds the lease (and keeps extending it while it reads): wait for its
            // value for as long as the lease lives rather than reading Cassandra too; when the lease
            // ends without a value, one of the waiters takes it over
            long pause = FIRST_POLL_NANOS;
            while (true) {
                if (nanoTime.getAsLong() >= giveUpAt) {
                    return loader.get();
                }
                LockSupport.parkNanos(pause);
                pause = Math.min(pause * 2, LAST_POLL_NANOS);
                List<byte[]> valueAndLease = redis.mget(keyBytes, leaseBytes);
                byte[] cached = valueAndLease.get(0);
                if (cached != null) {
                    Optional<Optional<T>> decoded = tryDecode(cached, codec);
                    return decoded.isPresent() ? decoded.get() : loader.get();
                }
                if (valueAndLease.get(1) == null) {
                    break;
                }
            }
        }
    }

    private <T> Optional<T> loadAndStore(byte[] keyBytes, String leaseKey, String token, ValueCodec<T> codec,
                                         CachePolicy policy, Supplier<Optional<T>> loader) {
        long leaseMillis = policy.lease().toMillis();
        long every = Math.max(1, leaseMillis / 3);
        ScheduledFuture<?> keeper = LEASE_KEEPER.scheduleAtFixedRate(() -> extendLease(leaseKey, token, leaseMillis),
                every, every, TimeUnit.MILLISECONDS);
        Optional<T> value;
        try {
            value = loader.get();
        } catch (RuntimeException e) {
            keeper.cancel(false);
            redis.eval(RELEASE_IF_HELD, List.of(leaseKey), List.of(token));
            throw e;
        }
        keeper.cancel(false);
        byte[] stored = value.map(v -> CacheEnvelope.present(codec.encode(v))).orElse(NEGATIVE);
        Duration ttl = value.isPresent() ? policy.ttl() : policy.negativeTtl();
        redis.eval(STORE_IF_LEASE_HELD.getBytes(StandardCharsets.UTF_8),
                List.of(leaseKey.getBytes(StandardCharsets.UTF_8), keyBytes),
                List.of(token.getBytes(StandardCharsets.UTF_8), stored,
                        Long.toString(jittered(ttl, policy.jitter())).getBytes(StandardCharsets.UTF_8)));
        return value;
    }

    /** Keeps a lease alive while its holder reads; a failure only means the lease may lapse. */
    private void extendLease(String leaseKey, String token, long leaseMillis) {
        try {
            redis.eval(EXTEND_IF_HELD, List.of(leaseKey), List.of(token, Long.toString(leaseMillis)));
        } catch (RuntimeException e) {
            // Redis away: the read goes on, and a waiter may take the lease over after it lapses
        }
    }

    /** TTL in milliseconds with +/- jitter, so keys loaded together do not expire together. */
    static long jittered(Duration ttl, double jitter) {
        double factor = 1 + jitter * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Math.max(1, Math.round(ttl.toMillis() * factor));
    }

    /**
     * A value as this cache stores it (envelope and codec), read back without going through a
     * cache read: for checks that compare what is cached with the source.
     *
     * @return empty for a negative entry (the rows did not exist when it was cached)
     * @throws RuntimeException when the bytes are not a value of {@code codec}
     */
    public static <T> Optional<T> decodeStored(byte[] stored, ValueCodec<T> codec) {
        return CacheEnvelope.open(stored, codec);
    }

    /** The decoded value, or empty if the bytes cannot be decoded by this codec. */
    private static <T> Optional<Optional<T>> tryDecode(byte[] cached, ValueCodec<T> codec) {
        try {
            return Optional.of(CacheEnvelope.open(cached, codec));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static CacheOutcome hitOutcome(byte[] cached) {
        return CacheEnvelope.isAbsent(cached) ? CacheOutcome.NEGATIVE_HIT : CacheOutcome.HIT;
    }

    private <T> CacheRead<T> finish(String namespace, long started, Optional<T> value, CacheOutcome outcome) {
        long latency = nanoTime.getAsLong() - started;
        metrics.record(namespace, outcome, latency);
        return new CacheRead<>(value, outcome, latency);
    }

    private boolean redisUsable() {
        long since = redisDownSince.get();
        if (since < 0) {
            return true;
        }
        if (nanoTime.getAsLong() - since < RETRY_REDIS_AFTER_NANOS) {
            return false;
        }
        try {
            redis.ping();
            redisDownSince.set(-1);
            return true;
        } catch (JedisException e) {
            redisDownSince.set(nanoTime.getAsLong());
            return false;
        }
    }

    private void markRedisDown() {
        redisDownSince.compareAndSet(-1, nanoTime.getAsLong());
    }

    /** Whether reads currently skip Redis because it failed within the last second. */
    public boolean redisDown() {
        return redisDownSince.get() >= 0;
    }
}
