package io.ringside.core.redis;

import io.ringside.core.BackendUnavailableException;
import io.ringside.core.RingsideException;
import io.ringside.core.connect.ReadOnlyProfileException;
import io.ringside.core.kafka.AuditLog;
import io.ringside.core.kafka.AuditTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.PipelineBase;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The cache admin's actions: TTL set / persist and eviction of listed keys (pipelined, failures
 * reported per key), eviction by pattern (preview first, then UNLINK page by page as the scan
 * finds keys, pausable and cancellable), and the eviction policy. Each action asks the read-only
 * hook first and is refused (and nothing sent to Redis) when the profile is read-only; each one,
 * refusals included, goes to the audit trail as {@code cache.evict}, {@code cache.ttl} or
 * {@code cache.policy}.
 */
public final class KeyAdmin {

    public static final String EVICT = "cache.evict";
    public static final String TTL = "cache.ttl";
    public static final String POLICY = "cache.policy";
    public static final String REFUSED = "refused: read-only profile";

    /** The {@code maxmemory-policy} values Redis accepts, in the order an operator reads them (the default first). */
    public static final List<String> POLICIES = List.of("noeviction", "allkeys-lru", "allkeys-lfu", "allkeys-random",
            "volatile-lru", "volatile-lfu", "volatile-random", "volatile-ttl");


    private final UnifiedJedis redis;
    private final boolean cluster;
    private final KeyScanner scanner;
    private final AuditLog audit;
    private final BooleanSupplier readOnly;

    public KeyAdmin(JedisPooled redis, AuditLog audit, BooleanSupplier readOnly) {
        this(redis, new KeyScanner(redis), audit, readOnly);
    }

    public KeyAdmin(JedisPooled redis, KeyScanner scanner, AuditLog audit, BooleanSupplier readOnly) {
        this(redis, scanner, audit, readOnly, false);
    }

    private KeyAdmin(UnifiedJedis redis, KeyScanner scanner, AuditLog audit, BooleanSupplier readOnly, boolean cluster) {
        this.redis = redis;
        this.scanner = scanner;
        this.audit = audit;
        this.readOnly = readOnly;
        this.cluster = cluster;
    }

    /**
     * Admin of a Redis Cluster: the pipelines of TTL edits and evictions go through {@code cluster},
     * which sends each key's command to the master owning its slot; pattern evictions scan every
     * master (through {@code scanner}, one of {@link KeyScanner#forCluster}) and UNLINK a page's
     * keys one hash slot at a time, since a cluster refuses a multi-key command across slots
     * (CROSSSLOT). The eviction policy is per server there and is not changed through this.
     */
    public static KeyAdmin forCluster(JedisCluster cluster, KeyScanner scanner, AuditLog audit,
                                      BooleanSupplier readOnly) {
        return new KeyAdmin(cluster, scanner, audit, readOnly, true);
    }

    /** Gives each key a TTL of {@code ttl} (millisecond precision); missing keys are reported. */
    public KeyActionResult setTtl(List<byte[]> keys, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("A TTL must be positive, not " + ttl.toSeconds() + " s");
        }
        long ms = ttl.toMillis();
        return act(TTL, "set " + ttl.toSeconds() + " s " + describe(keys), "setting a TTL", keys,
                (pipeline, key) -> pipeline.pexpire(key, ms)::get, "no such key");
    }

    /** Removes the TTL of each key (a key without one stays as it is); missing keys are reported. */
    public KeyActionResult persist(List<byte[]> keys) {
        return act(TTL, "persist " + describe(keys), "removing a TTL", keys, (pipeline, key) -> {
            Response<Boolean> exists = pipeline.exists(key);
            pipeline.persist(key);
            return () -> exists.get() ? 1L : 0L;
        }, "no such key");
    }

    /** UNLINKs each key (freed in the background by Redis); keys already gone are reported. */
    public KeyActionResult evict(List<byte[]> keys) {
        return act(EVICT, describe(keys), "evicting keys", keys, (pipeline, key) -> pipeline.unlink(key)::get,
                "no such key");
    }

    /** How many of the keys exist (one pipeline). Reads only. */
    public long existing(List<byte[]> keys) {
        List<Response<Boolean>> answers = new ArrayList<>(keys.size());
        try (PipelineBase pipeline = redis.pipelined()) {
            for (byte[] key : keys) {
                answers.add(pipeline.exists(key));
            }
            pipeline.sync();
        }
        return answers.stream().filter(Response::get).count();
    }

    /** How many keys a pattern matches now, and the first {@code sampleSize} of them. Reads only. */
    public EvictionPreview preview(String pattern, int sampleSize) {
        List<byte[]> sample = new ArrayList<>();
        ScanProgress progress = scanner.startNames(request(pattern), (page, p) -> {
            for (KeyInfo key : page) {
                if (sample.size() < sampleSize) {
                    sample.add(key.key());
                }
            }
        }, scan -> { }).await();
        return new EvictionPreview(pattern, progress.listed(), sample);
    }

    /**
     * Starts evicting every key that matches {@code pattern}. {@code typedConfirmation} must be the
     * pattern itself, typed by the admin after seeing the {@link #preview}; the listener hears
     * progress after each page and once more at the end, with the outcome (also audited).
     */
    public PatternEviction evictByPattern(String pattern, String typedConfirmation, Consumer<EvictionProgress> listener) {
        String target = "pattern " + pattern;
        guard(EVICT, target, "evicting keys by pattern");
        if (!pattern.equals(typedConfirmation)) {
            throw new IllegalArgumentException("Confirmation '" + typedConfirmation + "' does not match the pattern '"
                    + pattern + "'; type the pattern exactly to evict its keys");
        }
        PatternEviction eviction = new PatternEviction(cluster ? PatternEviction.perSlot(redis) : redis::unlink, listener,
                (removed, outcome) -> audit.record(EVICT, target, removed, outcome));
        eviction.start(scanner, request(pattern));
        return eviction;
    }

    /** Sets {@code maxmemory-policy}; audited as {@code cache.policy}. */
    public void setEvictionPolicy(String policy) {
        String value = policy.toLowerCase(Locale.ROOT);
        if (!POLICIES.contains(value)) {
            throw new IllegalArgumentException("Unknown eviction policy '" + policy + "'; expected one of " + POLICIES);
        }
        String target = "maxmemory-policy " + value;
        if (cluster) {
            throw new UnsupportedOperationException("The eviction policy of a Redis Cluster is set per master; "
                    + "change it on each master's own profile");
        }
        guard(POLICY, target, "changing the eviction policy");
        audited(POLICY, target, () -> {
            redis.configSet("maxmemory-policy", value);
            return 1L;
        }, n -> n);
    }

    private static ScanRequest request(String pattern) {
        return ScanRequest.of(pattern, null, 0);
    }

    /** Sends one command per key in a pipeline; {@code op} answers 1 for done, 0 for {@code missing}. */
    private KeyActionResult act(String action, String target, String what, List<byte[]> keys, KeyOp op, String missing) {
        guard(action, target, what);
        return audited(action, target, () -> {
            List<Supplier<Long>> replies = new ArrayList<>(keys.size());
            try (PipelineBase pipeline = redis.pipelined()) {
                for (byte[] key : keys) {
                    replies.add(op.send(pipeline, key));
                }
                pipeline.sync();
            }
            long changed = 0;
            List<KeyFailure> failed = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                try {
                    if (replies.get(i).get() > 0) {
                        changed++;
                    } else {
                        failed.add(new KeyFailure(keys.get(i), missing));
                    }
                } catch (JedisException e) {
                    failed.add(new KeyFailure(keys.get(i), e.getMessage()));
                }
            }
            return new KeyActionResult(changed, failed);
        }, KeyActionResult::changed);
    }

    private interface KeyOp {
        Supplier<Long> send(PipelineBase pipeline, byte[] key);
    }

    private void guard(String action, String target, String what) {
        if (readOnly.getAsBoolean()) {
            audit.record(action, target, 0, REFUSED);
            throw new ReadOnlyProfileException("Refused: the connection profile is read-only, so " + what
                    + " is not allowed (clear the read-only flag in Connections to allow changes)");
        }
    }

    private <T> T audited(String action, String target, Supplier<T> work, ToLongFunction<T> count) {
        T result;
        try {
            result = work.get();
        } catch (JedisConnectionException e) {
            audit.record(action, target, 0, "failed: " + e.getMessage());
            throw new BackendUnavailableException("Redis is unreachable: " + e.getMessage(), e);
        } catch (JedisException e) {
            audit.record(action, target, 0, "failed: " + e.getMessage());
            throw new RingsideException("Redis refused " + action + " on " + target + ": " + e.getMessage(), e);
        }
        audit.record(action, target, count.applyAsLong(result), "ok");
        return result;
    }

    /** Escaped keys for the audit target, the first ones and a count of the rest. */
    static String describe(List<byte[]> keys) {
        return AuditTarget.list(keys.stream().map(KeyText::escape).toList(), " ");
    }
}
