package io.ringside.core.redis;

import java.util.Locale;
import java.util.Set;

/**
 * What to list: a MATCH pattern (a pattern without glob characters is one exact key, looked up
 * directly instead of scanning millions of keys for it), an optional type, a limit and the SCAN
 * COUNT hint.
 *
 * @param pattern Redis glob; {@code *} for every key
 * @param type    a Redis type name, or {@code null} for every type
 * @param limit   stop after this many keys; {@code 0} for no limit
 * @param count   the SCAN COUNT hint (keys per page)
 */
public record ScanRequest(String pattern, String type, long limit, int count) {

    public static final int DEFAULT_COUNT = 1000;
    private static final Set<String> TYPES = Set.of("string", "hash", "list", "set", "zset", "stream");

    public ScanRequest {
        if (pattern == null || pattern.isEmpty()) {
            pattern = "*";
        }
        if (type != null) {
            type = type.toLowerCase(Locale.ROOT);
            if (!TYPES.contains(type)) {
                throw new IllegalArgumentException("Unknown key type '" + type + "'; expected one of " + TYPES);
            }
        }
        if (limit < 0) {
            throw new IllegalArgumentException("Limit must be 0 (none) or positive, not " + limit);
        }
        if (count <= 0) {
            throw new IllegalArgumentException("SCAN COUNT must be positive, not " + count);
        }
    }

    public static ScanRequest all() {
        return new ScanRequest("*", null, 0, DEFAULT_COUNT);
    }

    public static ScanRequest of(String pattern, String type, long limit) {
        return new ScanRequest(pattern, type, limit, DEFAULT_COUNT);
    }

    public boolean exactKey() {
        return !KeyText.isGlob(pattern);
    }
}
