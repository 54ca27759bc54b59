package io.ringside.core.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisMovedDataException;

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

    /** Describes a page of keys of one server. */
    interface Describer {
        List<KeyInfo> describe(JedisPooled node, List<byte[]> keys);
    }

    private final List<JedisPooled> masters;
    private final Describer describer;

    public KeyScanner(JedisPooled redis) {
        this(List.of(redis), KeyScanner::describe);
    }

    private KeyScanner(List<JedisPooled> masters, Describer describer) {
        if (masters.isEmpty()) {
            throw new IllegalArgumentException("No Redis server to scan");
        }
        this.masters = List.copyOf(masters);
        this.describer = describer;
    }

    /**
     * A scanner over every master of a Redis Cluster, each with a client of its own (see
     * {@link ClusterMasters}). A cluster refuses a script whose keys span hash slots, so the
     * metadata of a page is fetched there by pipelined commands instead, and a key another master
     * owns (an exact key asked of every master) is skipped.
     */
    public static KeyScanner forCluster(List<JedisPooled> masters) {
        return new KeyScanner(masters, KeyScanner::describePipelined);
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
        KeyScan scan = new KeyScan(masters, describer, request, listener, metadata, onEnd);
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

    /** TYPE + PTTL + MEMORY USAGE pipelined per key; keys gone or owned by another master are left out. */
    static List<KeyInfo> describePipelined(JedisPooled node, List<byte[]> keys) {
        List<Response<String>> types = new ArrayList<>(keys.size());
        List<Response<Long>> ttls = new ArrayList<>(keys.size());
        List<Response<Long>> sizes = new ArrayList<>(keys.size());
        try (Pipeline pipeline = node.pipelined()) {
            for (byte[] key : keys) {
                types.add(pipeline.type(key));
                ttls.add(pipeline.pttl(key));
                sizes.add(pipeline.memoryUsage(key));
            }
            pipeline.sync();
        }
        List<KeyInfo> infos = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            try {
                String type = types.get(i).get();
                long ttl = ttls.get(i).get();
                if (!"none".equals(type) && ttl != -2) {
                    Long size = sizes.get(i).get();
                    infos.add(new KeyInfo(keys.get(i), type.intern(), ttl, size == null ? -1 : size));
                }
            } catch (JedisMovedDataException e) {
                // another master owns this key's slot
            }
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
