package io.ringside.core.data.cache;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Compares what the cache holds with the source rows: for each namespace, the keys SCAN finds
 * (all, or the first N, which SCAN's hash order makes a fair sample), each re-read from the source
 * and judged fresh, stale or orphaned by the namespace's {@link CoherenceRule}, with its TTL. Reads
 * only; evicting what it finds stale is the caller's, through the audited key admin.
 */
public final class CoherenceCheck {

    private static final int SCAN_COUNT = 1000;

    private final UnifiedJedis redis;
    private final List<CoherenceRule> rules;

    public CoherenceCheck(UnifiedJedis redis, List<CoherenceRule> rules) {
        this.redis = redis;
        this.rules = List.copyOf(rules);
    }

    /** The namespaces this check knows, in order. */
    public List<String> namespaces() {
        return rules.stream().map(CoherenceRule::namespace).toList();
    }

    /**
     * Checks one namespace, or all when {@code namespace} is null.
     *
     * @param sample at most this many keys per namespace; 0 for all
     * @throws IllegalArgumentException for a namespace this check does not know, or a negative sample
     */
    public CoherenceReport run(String namespace, int sample) {
        if (sample < 0) {
            throw new IllegalArgumentException("The sample must be 0 (all keys) or more, not " + sample);
        }
        List<CoherenceRule> chosen = rules.stream().filter(r -> namespace == null || r.namespace().equals(namespace))
                .toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("Unknown cache namespace '" + namespace + "': the check knows "
                    + String.join(", ", namespaces()));
        }
        List<KeyCoherence> found = new ArrayList<>();
        for (CoherenceRule rule : chosen) {
            for (String key : keys(rule.pattern(), sample == 0 ? Integer.MAX_VALUE : sample)) {
                check(rule, key).ifPresent(found::add);
            }
        }
        return new CoherenceReport(chosen.stream().map(CoherenceRule::namespace).toList(), sample, found);
    }

    private Optional<KeyCoherence> check(CoherenceRule rule, String key) {
        byte[] stored = redis.get(key.getBytes(StandardCharsets.UTF_8));
        if (stored == null) {
            return Optional.empty(); // expired or evicted since SCAN listed it
        }
        long ttl = redis.pttl(key);
        return rule.check(key, stored).map(verdict -> KeyCoherence.of(rule.namespace(), key, ttl < 0 ? -1 : ttl, verdict));
    }

    private List<String> keys(String pattern, int limit) {
        Set<String> keys = new LinkedHashSet<>();
        ScanParams params = new ScanParams().match(pattern).count(SCAN_COUNT);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, params);
            for (String key : page.getResult()) {
                if (keys.size() < limit) {
                    keys.add(key);
                }
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor) && keys.size() < limit);
        return new ArrayList<>(keys);
    }
}
