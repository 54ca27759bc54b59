package io.ringside.core.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import redis.clients.jedis.JedisPooled;

/**
 * Lists keys with their type, TTL and size the way the key browser needs on keyspaces of millions
 * of keys: SCAN pages (COUNT ~1000, MATCH, TYPE) with TYPE + PTTL + MEMORY USAGE pipelined per
 * page. Scanning and fetching run on separate connections and threads, so the next SCAN call is
 * in flight while the previous page's metadata is fetched; done in turn, each page would wait for
 * both round trips and the listing would take three times a bare SCAN loop. A pattern without
 * glob characters is one key and is looked up directly. With several masters (Redis Cluster)
 * each master is scanned in turn.
 */
public final class KeyScanner {

    static final int FETCHERS = 2;

    private final List<JedisPooled> masters;

    public KeyScanner(JedisPooled redis) {
        this(List.of(redis));
    }

    public KeyScanner(List<JedisPooled> masters) {
        if (masters.isEmpty()) {
            throw new IllegalArgumentException("No Redis server to scan");
        }
        this.masters = List.copyOf(masters);
    }

    /** Starts a scan in the background; the listener hears each page and a final empty page with {@code done}. */
    public KeyScan start(ScanRequest request, KeyPageListener listener) {
        return start(request, listener, true, scan -> { });
    }

    /**
     * Starts a scan of key names alone (no metadata fetched; type {@code null}, TTL and size
     * {@code -1}), for counting and evicting; {@code onEnd} runs after the final page, before
     * {@link KeyScan#await} returns.
     */
    public KeyScan startNames(ScanRequest request, KeyPageListener listener, Consumer<KeyScan> onEnd) {
        return start(request, listener, false, onEnd);
    }

    private KeyScan start(ScanRequest request, KeyPageListener listener, boolean metadata, Consumer<KeyScan> onEnd) {
        KeyScan scan = new KeyScan(masters, request, listener, metadata, onEnd);
        scan.start();
        return scan;
    }

    /** Runs a scan to its end (or its limit) and returns the final progress. */
    public ScanProgress scan(ScanRequest request, KeyPageListener listener) {
        return start(request, listener).await();
    }

    /**
     * The metadata of a page of keys in one call: a script answering TYPE, PTTL and MEMORY USAGE
     * for every key of the page as one flat array of integers. Against three pipelined commands a
     * key, the server parses and answers one command a page, which is most of the cost of a
     * listing. Keys that vanished since the SCAN are left out.
     */
    static List<KeyInfo> describe(JedisPooled node, List<byte[]> keys) {
        Object reply = MetadataScript.INSTANCE.run(node, keys);
        List<?> values = (List<?>) reply;
        List<KeyInfo> infos = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            int type = (int) (long) (Long) values.get(3 * i);
            long ttl = (Long) values.get(3 * i + 1);
            if (type == 0 || ttl == -2) {
                continue;
            }
            infos.add(new KeyInfo(keys.get(i), MetadataScript.typeName(type), ttl, (Long) values.get(3 * i + 2)));
        }
        return infos;
    }

    static List<KeyInfo> names(List<byte[]> keys) {
        List<KeyInfo> infos = new ArrayList<>(keys.size());
        for (byte[] key : keys) {
            infos.add(new KeyInfo(key, null, -1, -1));
        }
        return infos;
    }

    static byte[] patternBytes(String pattern) {
        return pattern.getBytes(StandardCharsets.UTF_8);
    }
}
